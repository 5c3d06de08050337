namespace Orders.PaymentHost.Tests.Emulator;

/// <summary>
/// A charge is the same statement every time: each connection prepares it once and keeps it when the connection goes
/// back to the pool, so PostgreSQL neither parses and plans it per charge nor runs a DISCARD ALL after each.
/// </summary>
public sealed class PreparedChargeTests
{
    [Test]
    public async Task Repeated_charges_leave_the_charge_prepared_on_the_pooled_connection()
    {
        await using var emulator = await Emulated.StartAsync();
        for (var i = 0; i < 10; i++)
        {
            await emulator.Provider.ChargeAsync(Emulated.Attempt(), CancellationToken.None);
        }

        // One caller at a time: the pool hands back the connection that made the charges.
        await using var connection = await emulator.DataSource.OpenConnectionAsync();
        await using var prepared = connection.CreateCommand();
        prepared.CommandText = "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE 'INSERT INTO payments%'";

        Assert.That(await prepared.ExecuteScalarAsync(), Is.EqualTo(1L));
    }
}
