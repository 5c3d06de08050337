using System.Text;
using Grpc.Net.Client;
using Npgsql;
using Orders.Client;
using Orders.Contracts.Payment.V1;
using Orders.Testing;

namespace Orders.WebApi.FunctionalTests.EndToEnd;

/// <summary>
/// The WebApi crashes for real between saga steps (right after an approved charge, while the order is stored only as
/// placed, unpriced); started again, its recovery job learns from Payment that it was charged and from a replayed
/// Reserve what it costs, and confirms it: stock sold once, money taken once.
/// </summary>
[NonParallelizable]
public sealed class CrashRecoveryTests
{
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(45);

    private static RunningSystem System => EndToEndSetUp.System;

    [Test]
    public async Task An_order_whose_api_crashed_after_the_charge_is_recovered_with_stock_and_payment_in_agreement()
    {
        const int Available = 5;
        const int Quantity = 2;
        var product = await System.NewProductAsync(available: Available, unitPrice: 4m);
        var database = (await PostgresServer.GetOrIgnoreAsync()).ConnectionStringForNewDatabase("orders_crash");
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Orders"] = database,
            ["Services__Inventory__Address"] = System.Inventory.Address.ToString(),
            ["Services__Payment__Address"] = System.Payment.Address.ToString(),
        };

        Guid orderId;
        await using (var crashing = await WebApiProcess.StartAsync(new Dictionary<string, string>(settings)
        {
            ["Faults__CrashAfterCharge"] = "true",
            ["Recovery__Enabled"] = "false",
        }))
        {
            using var http = new HttpClient { BaseAddress = crashing.Address };
            using var body = new StringContent(
                $$"""{"user_id":"crash-u1","items":[{"product_id":"{{product}}","quantity":{{Quantity}}}]}""", Encoding.UTF8, "application/json");

            Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(new Uri("/orders", UriKind.Relative), body), "the connection drops");
            Assert.That(await crashing.WaitForExitAsync(TimeSpan.FromSeconds(30)), Is.True, "the WebApi crashed");
            orderId = await TheOnlyOrderAsync(database);
        }

        await using var restarted = await WebApiProcess.StartAsync(new Dictionary<string, string>(settings)
        {
            ["Recovery__StuckAfter"] = "00:00:01",
            ["Recovery__Interval"] = "00:00:00.500",
        });
        using var client = new HttpClient { BaseAddress = restarted.Address };
        var orders = new OrdersClient(client) { ReadResponseAsString = true };
        var order = await orders.GetOrderAsync(orderId.ToString());
        for (var deadline = DateTime.UtcNow + RecoveryTimeout; order.Status == OrderResponseStatus.Pending && DateTime.UtcNow < deadline;)
        {
            await Task.Delay(250);
            order = await orders.GetOrderAsync(orderId.ToString());
        }

        using var channel = GrpcChannel.ForAddress(System.Payment.Address);
        var payment = await new Payments.PaymentsClient(channel.WithServiceKey()).GetPaymentAsync(new GetPaymentRequest { PaymentId = orderId.ToString() });
        var available = await System.AvailableAsync(product);
        TestContext.Progress.WriteLine($"Crash recovery: order {orderId} ended {order.Status}; payment {payment.Status}; available {available} of {Available}");
        Assert.That(order.Status, Is.EqualTo(OrderResponseStatus.Confirmed), restarted.ReadLog());
        Assert.That((available, payment.Status), Is.EqualTo((Available - Quantity, PaymentStatus.Approved)));
        Assert.That(order.Total, Is.EqualTo(Quantity * 4m));
        Assert.That(order.Items.Single().Unit_price, Is.EqualTo(4m));
    }

    private static async Task<Guid> TheOnlyOrderAsync(string database)
    {
        await using var source = NpgsqlDataSource.Create(database);
        await using var command = source.CreateCommand("SELECT id, status, total FROM orders");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.That(await reader.ReadAsync(), Is.True, "the order was stored before the crash");
        var id = reader.GetGuid(0);
        Assert.That((reader.GetString(1), reader.IsDBNull(2)), Is.EqualTo(("pending", true)), "the crash left it between steps, stored only as placed, unpriced");
        Assert.That(await reader.ReadAsync(), Is.False);
        return id;
    }
}
