using System.Diagnostics;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Orders.Application.Abstractions;
using Orders.Contracts.Payment.V1;
using Orders.Domain.Common;
using Orders.Domain.Orders;

namespace Orders.Infrastructure.IntegrationTests.Services;

public sealed class GrpcPaymentTests
{
    private ScriptedPayments _payments = null!;
    private FakeGrpcServer _server = null!;
    private ServiceProvider _services = null!;

    [SetUp]
    public async Task StartPayments()
    {
        _payments = new ScriptedPayments();
        _server = await FakeGrpcServer.StartAsync(_payments);
        _services = Adapters.For(payment: _server.Address);
    }

    [TearDown]
    public async Task StopPayments()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    private IPayment Adapter => _services.GetRequiredService<IPayment>();

    [Test]
    public async Task Charge_sends_the_amount_currency_user_and_order_and_is_approved()
    {
        var orderId = OrderId.New();
        var request = new PaymentRequest(orderId, orderId, new UserId("alice"), new Money(118.85m, "EUR"));

        var outcome = await Adapter.ChargeAsync(request, CancellationToken.None);

        var sent = _payments.Charges.Single();
        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.TypeOf<PaymentState.Approved>());
            Assert.That(sent.PaymentId, Is.EqualTo(orderId.Value.ToString()));
            Assert.That(sent.OrderId, Is.EqualTo(orderId.Value.ToString()));
            Assert.That(sent.UserId, Is.EqualTo("alice"));
            Assert.That(sent.Amount.CurrencyCode, Is.EqualTo("EUR"));
            Assert.That(sent.Amount.Units, Is.EqualTo(118));
            Assert.That(sent.Amount.Nanos, Is.EqualTo(850_000_000));
        });
    }

    [Test]
    public async Task Charge_is_declined_with_the_providers_reason()
    {
        _payments.OnCharge = (_, _) => Task.FromResult(new ChargeReply { Status = PaymentStatus.Declined, DeclineReason = "Insufficient funds" });

        var outcome = await Adapter.ChargeAsync(AnyCharge(), CancellationToken.None);

        Assert.That(outcome, Is.EqualTo(new PaymentState.Declined("Insufficient funds")));
    }

    [Test]
    public async Task Charge_is_unavailable_once_the_deadline_passes()
    {
        _payments.OnCharge = async (_, context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.CancellationToken);
            return new ChargeReply { Status = PaymentStatus.Approved };
        };
        await using var services = Adapters.For(payment: _server.Address, deadline: Adapters.ShortDeadline);
        var clock = Stopwatch.StartNew();

        var outcome = await services.GetRequiredService<IPayment>().ChargeAsync(AnyCharge(), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.TypeOf<PaymentState.Unanswered>());
            Assert.That(((PaymentState.Unanswered)outcome).MayHaveActed, Is.True, "a slow provider may still charge");
            Assert.That(clock.Elapsed, Is.LessThan(Adapters.ShortDeadline + TimeSpan.FromSeconds(1)));
        });
    }

    [Test]
    public async Task Charge_is_unavailable_and_certainly_not_taken_when_nothing_listens()
    {
        await using var services = Adapters.For(payment: Adapters.NothingListens(), deadline: Adapters.ShortDeadline);

        var outcome = await services.GetRequiredService<IPayment>().ChargeAsync(AnyCharge(), CancellationToken.None);

        Assert.That(outcome, Is.EqualTo(new PaymentState.Unanswered(((PaymentState.Unanswered)outcome).Reason, MayHaveActed: false)));
    }

    [Test]
    public async Task A_charge_answered_unavailable_by_the_provider_may_have_been_taken()
    {
        _payments.OnCharge = (_, _) => throw new RpcException(new Status(StatusCode.Unavailable, "overloaded"));
        await using var services = Adapters.For(payment: _server.Address, deadline: Adapters.ShortDeadline);

        var outcome = await services.GetRequiredService<IPayment>().ChargeAsync(AnyCharge(), CancellationToken.None);

        Assert.That(((PaymentState.Unanswered)outcome).MayHaveActed, Is.True);
    }

    [Test]
    public void Charge_replayed_with_another_amount_surfaces_as_the_bug_it_is()
    {
        _payments.OnCharge = (_, _) => throw new RpcException(new Status(StatusCode.AlreadyExists, "payment id reused"));

        Assert.That(
            () => Adapter.ChargeAsync(AnyCharge(), CancellationToken.None),
            Throws.TypeOf<RpcException>().With.Property(nameof(RpcException.StatusCode)).EqualTo(StatusCode.AlreadyExists));
    }

    [Test]
    public async Task Refund_answers_refunded_and_names_the_payment()
    {
        var paymentId = OrderId.New();

        var outcome = await Adapter.RefundAsync(paymentId, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.TypeOf<PaymentState.Refunded>());
            Assert.That(_payments.Refunds, Is.EqualTo(new[] { paymentId.Value.ToString() }));
        });
    }

    [Test]
    public async Task Refund_is_unanswered_when_the_provider_stays_unavailable()
    {
        _payments.OnRefund = _ => throw new RpcException(new Status(StatusCode.Unavailable, "down"));

        var outcome = await Adapter.RefundAsync(OrderId.New(), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<PaymentState.Unanswered>());
    }


    [Test]
    public async Task Get_payment_reports_an_approved_payment_by_the_order_id()
    {
        var orderId = OrderId.New();
        string? asked = null;
        _payments.OnGetPayment = request =>
        {
            asked = request.PaymentId;
            return Task.FromResult(new Payment { PaymentId = request.PaymentId, Status = PaymentStatus.Approved });
        };

        var state = await Adapter.GetPaymentAsync(orderId, CancellationToken.None);

        Assert.That(state, Is.TypeOf<PaymentState.Approved>());
        Assert.That(asked, Is.EqualTo(orderId.Value.ToString()));
    }

    [Test]
    public async Task Get_payment_reports_a_decline_with_its_reason()
    {
        _payments.OnGetPayment = request => Task.FromResult(
            new Payment { PaymentId = request.PaymentId, Status = PaymentStatus.Declined, DeclineReason = "Insufficient funds" });

        var state = await Adapter.GetPaymentAsync(OrderId.New(), CancellationToken.None);

        Assert.That(state, Is.EqualTo(new PaymentState.Declined("Insufficient funds")));
    }

    [Test]
    public async Task Get_payment_reports_a_refund()
    {
        _payments.OnGetPayment = request => Task.FromResult(new Payment { PaymentId = request.PaymentId, Status = PaymentStatus.Refunded });

        var state = await Adapter.GetPaymentAsync(OrderId.New(), CancellationToken.None);

        Assert.That(state, Is.TypeOf<PaymentState.Refunded>());
    }

    [Test]
    public async Task Get_payment_of_an_id_never_charged_is_none()
    {
        var state = await Adapter.GetPaymentAsync(OrderId.New(), CancellationToken.None);

        Assert.That(state, Is.TypeOf<PaymentState.None>());
    }

    [Test]
    public async Task Get_payment_is_unavailable_when_nothing_listens()
    {
        await using var services = Adapters.For(payment: Adapters.NothingListens(), deadline: Adapters.ShortDeadline);

        var state = await services.GetRequiredService<IPayment>().GetPaymentAsync(OrderId.New(), CancellationToken.None);

        Assert.That(state, Is.TypeOf<PaymentState.Unanswered>());
    }

    private static PaymentRequest AnyCharge()
    {
        var orderId = OrderId.New();
        return new PaymentRequest(orderId, orderId, new UserId("bob"), new Money(10m, "USD"));
    }
}
