using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Orders.Application.Abstractions;
using Orders.Application.Orders.RecoverOrder;
using Orders.Domain.Common;
using Orders.Domain.Orders;

namespace Orders.UnitTests.Application;

public sealed class RecoverOrderHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly ProductId P1 = new("p1");

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

        _inventory.ReleaseAsync(default, default).ReturnsForAnyArgs(StepOutcome.Succeeded);
        _inventory.CommitAsync(default, default).ReturnsForAnyArgs(StepOutcome.Succeeded);
        _inventory.GetReservationAsync(default, default).ReturnsForAnyArgs(ReservationState.Held);
        _payment.RefundAsync(default, default).ReturnsForAnyArgs(StepOutcome.Succeeded);
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(PaymentState.None);

        var clock = Substitute.For<IClock>();
        clock.UtcNow.Returns(Now);
        _handler = new RecoverOrderHandler(_inventory, _payment, _orders, clock, NullLogger<RecoverOrderHandler>.Instance);
    }

    [Test]
    public async Task A_placed_order_that_was_never_charged_has_its_payment_voided_before_its_stock_is_released_and_fails()
    {
        var order = await StoredAsync(OrderProgress.Placed);

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.Finished(OrderStatus.Failed)));
        Assert.That(_orders.Saved[^1], Is.EqualTo((OrderStatus.Failed, OrderProgress.Completed)));
        Received.InOrder(() =>
        {
            _payment.RefundAsync(order.Id, Arg.Any<CancellationToken>());
            _inventory.ReleaseAsync(order.Id, Arg.Any<CancellationToken>());
        });
        await _inventory.DidNotReceiveWithAnyArgs().ReserveAsync(default, default!, default);
        await _inventory.DidNotReceiveWithAnyArgs().CommitAsync(default, default);
    }

    [Test]
    public async Task A_placed_order_whose_payment_was_approved_is_priced_by_a_replayed_reservation_committed_and_confirmed()
    {
        var order = await StoredAsync(OrderProgress.Placed);
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(PaymentState.Approved);
        _inventory.ReserveAsync(default, default!, default).ReturnsForAnyArgs(new ReservationOutcome.Reserved([new(P1, new Money(10m, "EUR"))]));

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.Finished(OrderStatus.Confirmed)));
        Assert.That(_orders.Saved[^1], Is.EqualTo((OrderStatus.Confirmed, OrderProgress.Completed)));
        Assert.That(order.Total, Is.EqualTo(new Money(20m, "EUR")));
        Assert.That(order.Lines[0].UnitPrice, Is.EqualTo(new Money(10m, "EUR")));
        await _inventory.Received(1).ReserveAsync(
            order.Id, Arg.Is<IReadOnlyList<RequestedLine>>(lines => lines.SequenceEqual(new[] { new RequestedLine(P1, 2) })), Arg.Any<CancellationToken>());
        await _inventory.Received(1).CommitAsync(order.Id, Arg.Any<CancellationToken>());
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
        await _inventory.DidNotReceiveWithAnyArgs().ReleaseAsync(default, default);
    }

    [Test]
    public async Task A_placed_order_whose_payment_was_declined_is_released_and_declined_with_its_prices()
    {
        var order = await StoredAsync(OrderProgress.Placed);
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(new PaymentState.Declined("insufficient funds"));
        _inventory.ReserveAsync(default, default!, default).ReturnsForAnyArgs(new ReservationOutcome.Reserved([new(P1, new Money(10m, "EUR"))]));

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.Finished(OrderStatus.PaymentDeclined)));
        Assert.That(order.StatusReason, Is.EqualTo("insufficient funds"));
        Assert.That(order.Total, Is.EqualTo(new Money(20m, "EUR")));
        await _inventory.Received(1).ReleaseAsync(order.Id, Arg.Any<CancellationToken>());
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task A_placed_and_charged_order_stays_pending_while_the_replayed_reservation_is_unanswered()
    {
        var order = await StoredAsync(OrderProgress.Placed);
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(PaymentState.Approved);
        _inventory.ReserveAsync(default, default!, default).ReturnsForAnyArgs(new ReservationOutcome.Unavailable("inventory down"));

        var result = await RecoverAsync(order);

        Assert.That(result, Is.InstanceOf<RecoverOrderResult.LeftPending>());
        Assert.That(((RecoverOrderResult.LeftPending)result).Reason, Does.Contain("inventory down"));
        Assert.That(_orders.Saved, Has.Count.EqualTo(1), "only the original insert");
        await _inventory.DidNotReceiveWithAnyArgs().CommitAsync(default, default);
        await _inventory.DidNotReceiveWithAnyArgs().ReleaseAsync(default, default);
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task A_placed_and_charged_order_whose_sale_went_through_is_confirmed_not_refunded()
    {
        var order = await StoredAsync(OrderProgress.Placed);
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(PaymentState.Approved);
        _inventory.ReserveAsync(default, default!, default).ReturnsForAnyArgs(new ReservationOutcome.Reserved([new(P1, new Money(10m, "EUR"))]));
        _inventory.CommitAsync(default, default).ReturnsForAnyArgs(new StepOutcome.Refused("committed already"));
        _inventory.GetReservationAsync(default, default).ReturnsForAnyArgs(ReservationState.Committed);

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.Finished(OrderStatus.Confirmed)));
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task A_placed_order_stays_pending_while_the_inventory_is_down()
    {
        var order = await StoredAsync(OrderProgress.Placed);
        _inventory.ReleaseAsync(default, default).ReturnsForAnyArgs(new StepOutcome.Unavailable("inventory down"));

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.LeftPending(OrderProgress.Placed, "inventory down")));
        Assert.That(order.Status, Is.EqualTo(OrderStatus.Pending));
        Assert.That(_orders.Saved, Has.Count.EqualTo(1), "only the original insert");
    }

    [Test]
    public async Task A_reserved_order_whose_payment_was_approved_is_committed_and_confirmed()
    {
        var order = await StoredAsync(OrderProgress.StockReserved);
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(PaymentState.Approved);

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.Finished(OrderStatus.Confirmed)));
        Assert.That(_orders.Saved[^1], Is.EqualTo((OrderStatus.Confirmed, OrderProgress.Completed)));
        await _inventory.Received(1).CommitAsync(order.Id, Arg.Any<CancellationToken>());
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
        await _inventory.DidNotReceiveWithAnyArgs().ReleaseAsync(default, default);
    }

    [Test]
    public async Task A_reserved_and_approved_order_whose_stock_was_released_is_refunded_and_fails()
    {
        var order = await StoredAsync(OrderProgress.StockReserved);
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(PaymentState.Approved);
        _inventory.CommitAsync(default, default).ReturnsForAnyArgs(new StepOutcome.Refused("released"));
        _inventory.GetReservationAsync(default, default).ReturnsForAnyArgs(ReservationState.Released);

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.Finished(OrderStatus.Failed)));
        await _payment.Received(1).RefundAsync(order.Id, Arg.Any<CancellationToken>());
        await _inventory.Received(1).ReleaseAsync(order.Id, Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task A_refused_commit_is_never_refunded_while_the_inventory_says_the_stock_is_sold()
    {
        var order = await StoredAsync(OrderProgress.StockReserved);
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(PaymentState.Approved);
        _inventory.CommitAsync(default, default).ReturnsForAnyArgs(new StepOutcome.Refused("odd"));
        _inventory.GetReservationAsync(default, default).ReturnsForAnyArgs(ReservationState.Committed);

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.Finished(OrderStatus.Confirmed)));
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task A_reserved_and_approved_order_stays_pending_while_the_commit_is_unanswered()
    {
        var order = await StoredAsync(OrderProgress.StockReserved);
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(PaymentState.Approved);
        _inventory.CommitAsync(default, default).ReturnsForAnyArgs(new StepOutcome.Unavailable("inventory down"));

        var result = await RecoverAsync(order);

        Assert.That(result, Is.TypeOf<RecoverOrderResult.LeftPending>());
        Assert.That(order.Status, Is.EqualTo(OrderStatus.Pending));
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
        await _inventory.DidNotReceiveWithAnyArgs().ReleaseAsync(default, default);
    }

    [Test]
    public async Task A_reserved_order_whose_payment_was_declined_is_released_and_declined_with_the_reason()
    {
        var order = await StoredAsync(OrderProgress.StockReserved);
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(new PaymentState.Declined("Insufficient funds"));

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.Finished(OrderStatus.PaymentDeclined)));
        Assert.That(order.StatusReason, Is.EqualTo("Insufficient funds"));
        await _inventory.Received(1).ReleaseAsync(order.Id, Arg.Any<CancellationToken>());
        await _inventory.DidNotReceiveWithAnyArgs().CommitAsync(default, default);
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task A_reserved_order_without_a_payment_voids_it_before_releasing_and_fails()
    {
        var order = await StoredAsync(OrderProgress.StockReserved);

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.Finished(OrderStatus.Failed)));
        Received.InOrder(() =>
        {
            _payment.RefundAsync(order.Id, Arg.Any<CancellationToken>());
            _inventory.ReleaseAsync(order.Id, Arg.Any<CancellationToken>());
        });
        await _inventory.DidNotReceiveWithAnyArgs().CommitAsync(default, default);
    }

    [Test]
    public async Task A_reserved_order_whose_payment_was_refunded_is_released_and_fails()
    {
        var order = await StoredAsync(OrderProgress.StockReserved);
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(PaymentState.Refunded);

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.Finished(OrderStatus.Failed)));
        await _inventory.Received(1).ReleaseAsync(order.Id, Arg.Any<CancellationToken>());
        await _inventory.DidNotReceiveWithAnyArgs().CommitAsync(default, default);
    }

    [Test]
    public async Task A_reserved_order_stays_pending_while_the_payment_provider_is_down()
    {
        var order = await StoredAsync(OrderProgress.StockReserved);
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(new PaymentState.Unavailable("payments down"));

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.LeftPending(OrderProgress.StockReserved, "payments down")));
        Assert.That(_inventory.ReceivedCalls(), Is.Empty);
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task A_reserved_order_stays_pending_when_its_void_is_unanswered_and_keeps_its_stock_held()
    {
        var order = await StoredAsync(OrderProgress.StockReserved);
        _payment.RefundAsync(default, default).ReturnsForAnyArgs(new StepOutcome.Unavailable("payments down"));

        var result = await RecoverAsync(order);

        Assert.That(result, Is.TypeOf<RecoverOrderResult.LeftPending>());
        await _inventory.DidNotReceiveWithAnyArgs().ReleaseAsync(default, default);
    }

    [Test]
    public async Task A_charged_order_is_committed_and_confirmed()
    {
        var order = await StoredAsync(OrderProgress.PaymentCharged);

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.Finished(OrderStatus.Confirmed)));
        Assert.That(order.Total, Is.EqualTo(new Money(20m, "EUR")));
        await _inventory.Received(1).CommitAsync(order.Id, Arg.Any<CancellationToken>());
        Assert.That(_payment.ReceivedCalls(), Is.Empty);
    }

    [Test]
    public async Task A_charged_order_whose_stock_was_released_is_refunded_and_fails()
    {
        var order = await StoredAsync(OrderProgress.PaymentCharged);
        _inventory.CommitAsync(default, default).ReturnsForAnyArgs(new StepOutcome.Refused("released"));
        _inventory.GetReservationAsync(default, default).ReturnsForAnyArgs(ReservationState.Released);

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.Finished(OrderStatus.Failed)));
        await _payment.Received(1).RefundAsync(order.Id, Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task A_charged_order_stays_pending_while_the_inventory_is_down()
    {
        var order = await StoredAsync(OrderProgress.PaymentCharged);
        _inventory.CommitAsync(default, default).ReturnsForAnyArgs(new StepOutcome.Unavailable("inventory down"));

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.LeftPending(OrderProgress.PaymentCharged, "inventory down")));
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task A_charged_order_with_a_refused_commit_stays_pending_while_the_reservation_cannot_be_read()
    {
        var order = await StoredAsync(OrderProgress.PaymentCharged);
        _inventory.CommitAsync(default, default).ReturnsForAnyArgs(new StepOutcome.Refused("released"));
        _inventory.GetReservationAsync(default, default).ReturnsForAnyArgs(new ReservationState.Unavailable("inventory down"));

        var result = await RecoverAsync(order);

        Assert.That(result, Is.TypeOf<RecoverOrderResult.LeftPending>());
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task An_order_whose_end_cannot_be_stored_stays_pending_for_the_next_round()
    {
        var order = await StoredAsync(OrderProgress.PaymentCharged);
        _orders.FailingUpdates.Add(1);

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.LeftPending(OrderProgress.PaymentCharged, "the order store is unavailable")));
    }

    [Test]
    public async Task An_order_that_is_no_longer_pending_is_left_alone()
    {
        var order = await StoredAsync(OrderProgress.PaymentCharged);
        order.Confirm(Now);

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(RecoverOrderResult.NothingToDo));
        Assert.That(_inventory.ReceivedCalls(), Is.Empty);
        Assert.That(_payment.ReceivedCalls(), Is.Empty);
    }

    [Test]
    public async Task An_unknown_order_is_nothing_to_do()
    {
        var result = await _handler.Handle(new RecoverOrderCommand(Guid.NewGuid()), CancellationToken.None);

        Assert.That(result, Is.EqualTo(RecoverOrderResult.NothingToDo));
    }

    private async Task<Order> StoredAsync(OrderProgress progress)
    {
        var order = Order.Place(OrderId.New(), new UserId("u1"), [new RequestedLine(P1, 2)], Now.AddMinutes(-5));
        if (progress >= OrderProgress.StockReserved)
        {
            order.RecordReservation([new PricedLine(P1, new Money(10m, "EUR"))], Now.AddMinutes(-5));
        }

        if (progress >= OrderProgress.PaymentCharged)
        {
            order.RecordPayment(Now.AddMinutes(-5));
        }

        await _orders.AddAsync(order, CancellationToken.None);
        return order;
    }

    private async Task<RecoverOrderResult> RecoverAsync(Order order) =>
        await _handler.Handle(new RecoverOrderCommand(order.Id.Value), CancellationToken.None);
}
