using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Orders.Application.Abstractions;
using Orders.Application.Orders.Placement;
using Orders.Application.Orders.RecoverOrder;
using Orders.Domain.Common;
using Orders.Domain.Orders;

namespace Orders.UnitTests.Application;

/// <summary>
/// Recovery stores nothing of its own about how far a placement got: it asks the payment provider first, then the
/// inventory, and decides from what they say.
/// </summary>
public sealed partial class RecoverOrderHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly ProductId P1 = new("p1");
    private static readonly IReadOnlyList<PricedLine> Prices = [new(P1, new Money(10m, "EUR"))];

    private IInventory _inventory = null!;
    private IPayment _payment = null!;
    private RecordingOrderRepository _orders = null!;
    private RecoverOrderHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _inventory = Substitute.For<IInventory>();
        _payment = Substitute.For<IPayment>();
        _orders = new RecordingOrderRepository();

        _inventory.ReleaseAsync(default, default).ReturnsForAnyArgs(new ReservationState.Released());
        _inventory.CommitAsync(default, default).ReturnsForAnyArgs(new ReservationState.Committed());
        _inventory.GetReservationAsync(default, default).ReturnsForAnyArgs(new ReservationState.Reserved { Prices = Prices });
        _payment.RefundAsync(default, default).ReturnsForAnyArgs(new PaymentState.Refunded());
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(new PaymentState.None());

        var clock = Substitute.For<IClock>();
        clock.UtcNow.Returns(Now);
        var runner = new PlacementRunner(_inventory, _payment, _orders, clock, NullLogger<PlacementRunner>.Instance);
        _handler = new RecoverOrderHandler(runner, _orders, NullLogger<RecoverOrderHandler>.Instance);
    }

    [Test]
    public async Task An_order_never_charged_has_its_stock_released_then_its_payment_voided_and_fails()
    {
        var order = await StoredAsync();

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.Ended(OrderStatus.Failed)));
        Assert.That(_orders.Saved, Is.EqualTo(new[] { OrderStatus.Pending, OrderStatus.Failed }));
        Received.InOrder(() =>
        {
            _payment.GetPaymentAsync(order.Id, Arg.Any<CancellationToken>());
            _inventory.ReleaseAsync(order.Id, Arg.Any<CancellationToken>());
            _payment.RefundAsync(order.Id, Arg.Any<CancellationToken>());
        });
        await _inventory.DidNotReceiveWithAnyArgs().ReserveAsync(default, default!, default);
        await _inventory.DidNotReceiveWithAnyArgs().CommitAsync(default, default);
    }

    [Test]
    public async Task An_approved_order_whose_stock_is_reserved_is_priced_by_the_inventory_committed_and_confirmed()
    {
        var order = await StoredAsync();
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(new PaymentState.Approved());

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.Ended(OrderStatus.Confirmed)));
        Assert.That(_orders.Saved[^1], Is.EqualTo(OrderStatus.Confirmed));
        Assert.That(order.Total, Is.EqualTo(new Money(20m, "EUR")));
        Assert.That(order.Lines[0].UnitPrice, Is.EqualTo(new Money(10m, "EUR")));
        await _inventory.Received(1).GetReservationAsync(order.Id, Arg.Any<CancellationToken>());
        await _inventory.Received(1).CommitAsync(order.Id, Arg.Any<CancellationToken>());
        await _inventory.DidNotReceiveWithAnyArgs().ReserveAsync(default, default!, default);
        await _inventory.DidNotReceiveWithAnyArgs().ReleaseAsync(default, default);
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task An_approved_order_whose_stock_is_already_committed_is_confirmed_without_committing_again()
    {
        var order = await StoredAsync();
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(new PaymentState.Approved());
        _inventory.GetReservationAsync(default, default).ReturnsForAnyArgs(new ReservationState.Committed { Prices = Prices });

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.Ended(OrderStatus.Confirmed)));
        Assert.That(order.Total, Is.EqualTo(new Money(20m, "EUR")));
        await _inventory.DidNotReceiveWithAnyArgs().CommitAsync(default, default);
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task A_refused_commit_is_never_refunded_while_the_inventory_says_the_stock_is_committed()
    {
        var order = await StoredAsync();
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(new PaymentState.Approved());
        _inventory.GetReservationAsync(default, default).ReturnsForAnyArgs(
            new ReservationState.Reserved { Prices = Prices }, new ReservationState.Committed { Prices = Prices });
        _inventory.CommitAsync(default, default).ReturnsForAnyArgs(new ReservationState.Refused("odd"));

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.Ended(OrderStatus.Confirmed)));
        await _inventory.Received(2).GetReservationAsync(order.Id, Arg.Any<CancellationToken>());
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
        await _inventory.DidNotReceiveWithAnyArgs().ReleaseAsync(default, default);
    }

    [Test]
    public async Task An_approved_order_whose_stock_was_released_is_refunded_and_fails()
    {
        var order = await StoredAsync();
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(new PaymentState.Approved());
        _inventory.GetReservationAsync(default, default).ReturnsForAnyArgs(new ReservationState.Released());

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.Ended(OrderStatus.Failed)));
        await _payment.Received(1).RefundAsync(order.Id, Arg.Any<CancellationToken>());
        await _inventory.DidNotReceiveWithAnyArgs().CommitAsync(default, default);
    }

    [Test]
    public async Task An_approved_order_whose_commit_is_refused_because_the_stock_was_released_is_refunded_and_fails()
    {
        var order = await StoredAsync();
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(new PaymentState.Approved());
        _inventory.GetReservationAsync(default, default).ReturnsForAnyArgs(
            new ReservationState.Reserved { Prices = Prices }, new ReservationState.Released());
        _inventory.CommitAsync(default, default).ReturnsForAnyArgs(new ReservationState.Refused("released"));

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.Ended(OrderStatus.Failed)));
        Assert.That(order.StatusReason, Does.Contain("released"));
        await _payment.Received(1).RefundAsync(order.Id, Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task An_approved_order_stays_pending_while_the_reservation_cannot_be_read()
    {
        var order = await StoredAsync();
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(new PaymentState.Approved());
        _inventory.GetReservationAsync(default, default).ReturnsForAnyArgs(new ReservationState.Unanswered("inventory down"));

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.LeftPending("inventory: inventory down")));
        Assert.That(order.Status, Is.EqualTo(OrderStatus.Pending));
        Assert.That(_orders.Saved, Is.EqualTo(new[] { OrderStatus.Pending }), "only the original insert");
        await _inventory.DidNotReceiveWithAnyArgs().CommitAsync(default, default);
        await _inventory.DidNotReceiveWithAnyArgs().ReleaseAsync(default, default);
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task An_approved_order_stays_pending_while_the_commit_is_unanswered()
    {
        var order = await StoredAsync();
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(new PaymentState.Approved());
        _inventory.CommitAsync(default, default).ReturnsForAnyArgs(new ReservationState.Unanswered("inventory down"));

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.LeftPending("inventory: inventory down")));
        Assert.That(_orders.Saved, Is.EqualTo(new[] { OrderStatus.Pending }));
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
        await _inventory.DidNotReceiveWithAnyArgs().ReleaseAsync(default, default);
    }

    [Test]
    public async Task A_declined_order_is_released_and_declined_with_its_reason_and_prices()
    {
        var order = await StoredAsync();
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(new PaymentState.Declined("insufficient funds"));

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.Ended(OrderStatus.PaymentDeclined)));
        Assert.That(order.StatusReason, Is.EqualTo("insufficient funds"));
        Assert.That(order.Total, Is.EqualTo(new Money(20m, "EUR")));
        await _inventory.Received(1).ReleaseAsync(order.Id, Arg.Any<CancellationToken>());
        await _inventory.DidNotReceiveWithAnyArgs().CommitAsync(default, default);
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task An_order_whose_payment_was_refunded_is_released_and_fails()
    {
        var order = await StoredAsync();
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(new PaymentState.Refunded());

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.Ended(OrderStatus.Failed)));
        await _inventory.Received(1).ReleaseAsync(order.Id, Arg.Any<CancellationToken>());
        await _inventory.DidNotReceiveWithAnyArgs().CommitAsync(default, default);
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task An_order_stays_pending_while_the_payment_provider_does_not_answer()
    {
        var order = await StoredAsync();
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(new PaymentState.Unanswered("payments down"));

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.LeftPending("payment: payments down")));
        Assert.That(_inventory.ReceivedCalls(), Is.Empty);
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task An_order_never_charged_stays_pending_and_unvoided_while_its_release_is_unanswered()
    {
        var order = await StoredAsync();
        _inventory.ReleaseAsync(default, default).ReturnsForAnyArgs(new ReservationState.Unanswered("inventory down"));

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.LeftPending("inventory: inventory down")));
        Assert.That(order.Status, Is.EqualTo(OrderStatus.Pending));
        Assert.That(_orders.Saved, Is.EqualTo(new[] { OrderStatus.Pending }), "only the original insert");
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task An_order_never_charged_stays_pending_while_its_void_is_unanswered()
    {
        var order = await StoredAsync();
        _payment.RefundAsync(default, default).ReturnsForAnyArgs(new PaymentState.Unanswered("payments down"));

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.LeftPending("payment: payments down")));
        Assert.That(_orders.Saved, Is.EqualTo(new[] { OrderStatus.Pending }));
    }

    [Test]
    public async Task An_order_whose_end_cannot_be_stored_stays_pending_for_the_next_round()
    {
        var order = await StoredAsync();
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(new PaymentState.Approved());
        _orders.FailingUpdates.Add(1);

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.LeftPending("the outcome could not be stored")));
        Assert.That(_orders.Saved, Is.EqualTo(new[] { OrderStatus.Pending }));
    }

    [Test]
    public async Task A_late_charge_found_after_a_release_refused_as_committed_confirms_the_order_without_a_refund()
    {
        var order = await StoredAsync();
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(new PaymentState.None(), new PaymentState.Approved());
        _inventory.ReleaseAsync(default, default).ReturnsForAnyArgs(new ReservationState.Committed());
        _inventory.GetReservationAsync(default, default).ReturnsForAnyArgs(new ReservationState.Committed { Prices = Prices });

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.Ended(OrderStatus.Confirmed)));
        Assert.That(order.Total, Is.EqualTo(new Money(20m, "EUR")));
        await _payment.Received(2).GetPaymentAsync(order.Id, Arg.Any<CancellationToken>());
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    private async Task<Order> StoredAsync()
    {
        var order = Order.Place(OrderId.New(), new UserId("u1"), [new RequestedLine(P1, 2)], Now.AddMinutes(-5));
        await _orders.AddAsync(order, CancellationToken.None);
        return order;
    }

    private async Task<RecoverOrderResult> RecoverAsync(Order order) =>
        await _handler.Handle(new RecoverOrderCommand(order.Id.Value), CancellationToken.None);
}
