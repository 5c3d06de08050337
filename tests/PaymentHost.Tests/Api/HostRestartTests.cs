using Grpc.Core;
using Microsoft.Extensions.Options;
using Orders.Contracts.Common.V1;
using Orders.Contracts.Payment.V1;
using Orders.Testing;

namespace Orders.PaymentHost.Tests.Api;

/// <summary>
/// A PaymentHost started again over the same database answers over gRPC what the first one would have: a provider
/// that forgets an approved charge would leave every recovery rule of the order service untestable.
/// </summary>
public sealed class HostRestartTests
{
    [Test]
    public async Task A_restarted_host_finds_refunds_and_replays_a_payment_the_first_host_charged()
    {
        var charge = NewCharge();
        string database;
        using (var first = await PaymentsHost.CreateAsync())
        {
            await new Payments.PaymentsClient(first.Calls).ChargeAsync(charge);
            database = first.Database;
        }

        using var restarted = await PaymentsHost.CreateAsync(database: database);
        var payments = new Payments.PaymentsClient(restarted.Calls);
        var found = await payments.GetPaymentAsync(new GetPaymentRequest { PaymentId = charge.PaymentId });
        var refund = await payments.RefundAsync(new RefundRequest { PaymentId = charge.PaymentId });
        var replay = await payments.ChargeAsync(charge);
        var conflict = Assert.ThrowsAsync<RpcException>(async () => await payments.ChargeAsync(NewCharge(charge.PaymentId)));

        Assert.Multiple(() =>
        {
            Assert.That((found.Status, found.OrderId, found.Amount), Is.EqualTo((PaymentStatus.Approved, charge.OrderId, charge.Amount)));
            Assert.That(refund.Status, Is.EqualTo(PaymentStatus.Refunded));
            Assert.That(replay.Status, Is.EqualTo(PaymentStatus.Refunded), "a replay after the refund charges nothing again");
            Assert.That(conflict.StatusCode, Is.EqualTo(StatusCode.AlreadyExists));
        });
    }

    [Test]
    public async Task A_restarted_host_declines_the_late_charge_of_an_id_the_first_host_voided()
    {
        var charge = NewCharge();
        string database;
        using (var first = await PaymentsHost.CreateAsync())
        {
            var refund = await new Payments.PaymentsClient(first.Calls).RefundAsync(new RefundRequest { PaymentId = charge.PaymentId });
            Assert.That(refund.Status, Is.EqualTo(PaymentStatus.None));
            database = first.Database;
        }

        using var restarted = await PaymentsHost.CreateAsync(database: database);
        var reply = await new Payments.PaymentsClient(restarted.Calls).ChargeAsync(charge);

        Assert.That((reply.Status, reply.DeclineReason), Is.EqualTo((PaymentStatus.Declined, "voided: the payment was refunded before the charge arrived")));
    }

    [Test]
    public async Task The_host_does_not_start_without_the_payments_connection_string()
    {
        var error = await StartupFailure.OfAsync<PaymentsHost>(
            () => PaymentsHost.CreateAsync(new Dictionary<string, string?> { [PaymentsHost.DatabaseSetting] = "" }),
            host => host.Start());

        Assert.That(error, Is.TypeOf<OptionsValidationException>());
        Assert.That(error.Message, Is.EqualTo("ConnectionStrings:Payments is missing: set the PostgreSQL connection string of the payments database."));
    }

    private static ChargeRequest NewCharge(string? paymentId = null) => new()
    {
        PaymentId = paymentId ?? $"pay-{Guid.NewGuid():N}",
        OrderId = $"order-{Guid.NewGuid():N}",
        UserId = "user-1",
        Amount = Money.FromDecimal(42.10m, "EUR"),
    };
}
