using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.Options;
using Orders.Contracts.Common.V1;
using Orders.Contracts.Payment.V1;
using Orders.Testing;

namespace Orders.PaymentHost.Tests.Api;

public sealed class PaymentsServiceTests
{
    private PaymentsHost _host = null!;
    private Payments.PaymentsClient _payments = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _host = await PaymentsHost.CreateAsync();
        _payments = new Payments.PaymentsClient(_host.Calls);
    }

    [OneTimeTearDown]
    public void StopHost() => _host.Dispose();

    [Test]
    public async Task Charge_refund_and_get_payment_round_trip()
    {
        var charge = NewCharge(amount: 99.95m);

        var charged = await _payments.ChargeAsync(charge);
        var refunded = await _payments.RefundAsync(new RefundRequest { PaymentId = charge.PaymentId });
        var payment = await _payments.GetPaymentAsync(new GetPaymentRequest { PaymentId = charge.PaymentId });

        Assert.Multiple(() =>
        {
            Assert.That(charged.Status, Is.EqualTo(PaymentStatus.Approved));
            Assert.That(refunded.Status, Is.EqualTo(PaymentStatus.Refunded));
            Assert.That(payment.Status, Is.EqualTo(PaymentStatus.Refunded));
            Assert.That(payment.OrderId, Is.EqualTo(charge.OrderId));
            Assert.That(payment.UserId, Is.EqualTo(charge.UserId));
            Assert.That(payment.Amount, Is.EqualTo(charge.Amount));
        });
    }

    [Test]
    public async Task Charge_replay_returns_first_outcome_without_charging_twice()
    {
        var charge = NewCharge();
        await _payments.ChargeAsync(charge);
        await _payments.RefundAsync(new RefundRequest { PaymentId = charge.PaymentId });

        var replay = await _payments.ChargeAsync(charge);

        Assert.That(replay.Status, Is.EqualTo(PaymentStatus.Refunded));
    }

    [Test]
    public async Task Charge_above_the_limit_is_declined_with_a_reason_not_an_error()
    {
        var reply = await _payments.ChargeAsync(NewCharge(amount: 5000.01m));

        Assert.Multiple(() =>
        {
            Assert.That(reply.Status, Is.EqualTo(PaymentStatus.Declined));
            Assert.That(reply.DeclineReason, Is.Not.Empty);
        });
    }

    [Test]
    public async Task Charge_with_the_same_id_and_another_amount_fails_with_already_exists()
    {
        var charge = NewCharge(amount: 10m);
        await _payments.ChargeAsync(charge);
        var other = charge.Clone();
        other.Amount = Money.FromDecimal(11m, "EUR");

        var error = Assert.ThrowsAsync<RpcException>(async () => await _payments.ChargeAsync(other));

        Assert.That(error.StatusCode, Is.EqualTo(StatusCode.AlreadyExists));
    }

    [Test]
    public void Charge_without_a_payment_id_fails_with_invalid_argument()
    {
        var charge = NewCharge();
        charge.PaymentId = "";

        var error = Assert.ThrowsAsync<RpcException>(async () => await _payments.ChargeAsync(charge));

        Assert.That(error.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
    }

    [Test]
    public async Task Refund_of_an_unknown_payment_replies_none()
    {
        var reply = await _payments.RefundAsync(new RefundRequest { PaymentId = $"never-{Guid.NewGuid():N}" });

        Assert.That(reply.Status, Is.EqualTo(PaymentStatus.None));
    }

    [Test]
    public async Task A_delayed_charge_overtaken_by_its_refund_is_declined_as_voided()
    {
        var charge = NewCharge();
        await _payments.RefundAsync(new RefundRequest { PaymentId = charge.PaymentId });

        var reply = await _payments.ChargeAsync(charge);
        var payment = await _payments.GetPaymentAsync(new GetPaymentRequest { PaymentId = charge.PaymentId });

        Assert.Multiple(() =>
        {
            Assert.That(reply.Status, Is.EqualTo(PaymentStatus.Declined));
            Assert.That(reply.DeclineReason, Does.StartWith("voided"));
            Assert.That(payment.Status, Is.EqualTo(PaymentStatus.Declined));
        });
    }

    [Test]
    public void Get_payment_of_an_unknown_id_fails_with_not_found()
    {
        var error = Assert.ThrowsAsync<RpcException>(async () =>
            await _payments.GetPaymentAsync(new GetPaymentRequest { PaymentId = $"never-{Guid.NewGuid():N}" }));

        Assert.That(error.StatusCode, Is.EqualTo(StatusCode.NotFound));
    }

    [Test]
    public async Task Health_check_reports_serving()
    {
        var health = new Health.HealthClient(_host.Channel);

        var reply = await health.CheckAsync(new HealthCheckRequest());

        Assert.That(reply.Status, Is.EqualTo(HealthCheckResponse.Types.ServingStatus.Serving));
    }

    [Test]
    public async Task Configured_failure_rate_of_one_makes_charges_unavailable_and_charges_nothing()
    {
        using var faulty = await PaymentsHost.CreateAsync(new Dictionary<string, string?> { ["Payment:Faults:FailureRate"] = "1" });
        var payments = new Payments.PaymentsClient(faulty.Calls);
        var charge = NewCharge();

        var error = Assert.ThrowsAsync<RpcException>(async () => await payments.ChargeAsync(charge));

        Assert.That(error.StatusCode, Is.EqualTo(StatusCode.Unavailable));
        var lookup = Assert.ThrowsAsync<RpcException>(async () =>
            await payments.GetPaymentAsync(new GetPaymentRequest { PaymentId = charge.PaymentId }));
        Assert.That(lookup.StatusCode, Is.EqualTo(StatusCode.NotFound));
    }

    [Test]
    public async Task Charge_retried_after_a_lost_reply_is_charged_once()
    {
        using var lossy = await PaymentsHost.CreateAsync(new Dictionary<string, string?> { ["Payment:Faults:LostReplyRate"] = "1" });
        var payments = new Payments.PaymentsClient(lossy.Calls);
        var charge = NewCharge();

        var first = Assert.ThrowsAsync<RpcException>(async () => await payments.ChargeAsync(charge));
        var retry = Assert.ThrowsAsync<RpcException>(async () => await payments.ChargeAsync(charge));
        var payment = await payments.GetPaymentAsync(new GetPaymentRequest { PaymentId = charge.PaymentId });

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(StatusCode.Unavailable));
            Assert.That(retry.StatusCode, Is.EqualTo(StatusCode.Unavailable));
            Assert.That(payment.Status, Is.EqualTo(PaymentStatus.Approved));
        });
    }

    [Test]
    public async Task Host_does_not_start_with_a_failure_rate_above_one()
    {
        var error = await StartupFailure.OfAsync<PaymentsHost>(
            () => PaymentsHost.CreateAsync(new Dictionary<string, string?> { ["Payment:Faults:FailureRate"] = "1.5" }),
            host => host.Start());

        Assert.That(error, Is.TypeOf<OptionsValidationException>().With.Message.Contain("Payment:Faults:FailureRate"));
    }

    private static ChargeRequest NewCharge(decimal amount = 42.10m) => new()
    {
        PaymentId = $"pay-{Guid.NewGuid():N}",
        OrderId = $"order-{Guid.NewGuid():N}",
        UserId = "user-1",
        Amount = Money.FromDecimal(amount, "EUR"),
    };
}
