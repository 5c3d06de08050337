namespace Orders.InventoryHost.Tests.Stock;

/// <summary>What an order costs MongoDB on the success path: every command added here is paid by every order.</summary>
public sealed class CommandCountTests : LedgerTest
{
    [Test]
    public async Task A_reservation_reserved_then_committed_costs_one_command_per_line_and_two_more()
    {
        await ListAsync("p1", stock: 10);
        await ListAsync("p2", stock: 10);
        await ListAsync("p3", stock: 10);
        var (ledger, commands) = WatchedLedger();

        var reserved = await ledger.ReserveAsync("r1", [new("p1", 1), new("p2", 2), new("p3", 3)], CancellationToken.None);
        var committed = await ledger.CommitAsync("r1", CancellationToken.None);

        Assert.That(reserved.Succeeded && committed.Succeeded, Is.True);
        Assert.That(commands.Sent, Is.EqualTo(new[]
        {
            "findAndModify", "findAndModify", "findAndModify", // each line taken from its product, priced
            "insert",                                          // reserved, with its priced lines: the write that decides
            "findAndModify",                                   // committed
        }));
    }
}
