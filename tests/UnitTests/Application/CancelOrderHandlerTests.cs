using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Orders.Application.Abstractions;
using Orders.Application.Orders.CancelOrder;
using Orders.Application.Orders.CreateOrder;
using Orders.Application.Orders.Placement;
using Orders.Domain.Orders;

namespace Orders.UnitTests.Application;

public sealed class CancelOrderHandlerTests
{
    private static readonly DateTimeOffset CancelledAt = OrderFixtures.Placed.AddMinutes(5);

    private IInventory _inventory = null!;
    private IPayment _payment = null!;
    private RecordingOrderRepository _orders = null!;
    private CancelOrderHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _inventory = Substitute.For<IInventory>();
        _payment = Substitute.For<IPayment>();
        _orders = new RecordingOrderRepository();
        _inventory.ReturnAsync(default, default).ReturnsForAnyArgs(new ReservationState.Returned());
        _payment.RefundAsync(default, default).ReturnsForAnyArgs(new PaymentState.Refunded());
        var clock = Substitute.For<IClock>();
        clock.UtcNow.Returns(CancelledAt);
        var runner = new PlacementRunner(_inventory, _payment, _orders, clock, NullLogger<PlacementRunner>.Instance);
        _handler = new CancelOrderHandler(runner, _orders);
    }

    [Test]
    public async Task Cancel_returns_the_stock_refunds_the_payment_and_then_stores_the_order_cancelled()
    {
        var order = Stored(OrderFixtures.Confirmed());
        _payment.RefundAsync(order.Id, Arg.Any<CancellationToken>()).Returns(_ =>
        {
            Assert.That(_orders.Saved, Is.Empty, "nothing stored before the remote steps are done");
            return new PaymentState.Refunded();
        });

        var result = await _handler.Handle(new CancelOrderCommand(order.Id.Value), CancellationToken.None);

        var cancelled = (CancelOrderResult.Cancelled)result;
        Assert.Multiple(() =>
        {
            Assert.That(cancelled.Order.Status, Is.EqualTo("cancelled"));
            Assert.That(cancelled.Order.UpdatedAt, Is.EqualTo(CancelledAt));
            Assert.That(_orders.Saved, Is.EqualTo(new[] { OrderStatus.Cancelled }));
        });
        Received.InOrder(() =>
        {
            _inventory.ReturnAsync(order.Id, Arg.Any<CancellationToken>());
            _payment.RefundAsync(order.Id, Arg.Any<CancellationToken>());
        });
    }

    [Test]
    public async Task Cancel_of_a_cancelled_order_answers_it_again_without_remote_calls()
    {
        var order = Stored(OrderFixtures.Confirmed());
        var first = (CancelOrderResult.Cancelled)await _handler.Handle(new CancelOrderCommand(order.Id.Value), CancellationToken.None);
        _inventory.ClearReceivedCalls();
        _payment.ClearReceivedCalls();

        var again = (CancelOrderResult.Cancelled)await _handler.Handle(new CancelOrderCommand(order.Id.Value), CancellationToken.None);

        Assert.That((again.Order.Id, again.Order.Status, again.Order.UpdatedAt), Is.EqualTo((first.Order.Id, "cancelled", first.Order.UpdatedAt)));
        await _inventory.DidNotReceiveWithAnyArgs().ReturnAsync(default, default);
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task Cancel_of_a_rejected_order_is_not_cancellable_and_does_nothing()
    {
        var order = Stored(OrderFixtures.Rejected());

        var result = await _handler.Handle(new CancelOrderCommand(order.Id.Value), CancellationToken.None);

        Assert.That(result, Is.TypeOf<CancelOrderResult.NotCancellable>());
        Assert.That(((CancelOrderResult.NotCancellable)result).Order.Status, Is.EqualTo("rejected"));
        Assert.That(_orders.Saved, Is.Empty);
        await _inventory.DidNotReceiveWithAnyArgs().ReturnAsync(default, default);
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task Cancel_of_a_pending_order_is_not_cancellable()
    {
        var order = Stored(OrderFixtures.Pending());

        var result = await _handler.Handle(new CancelOrderCommand(order.Id.Value), CancellationToken.None);

        Assert.That(result, Is.TypeOf<CancelOrderResult.NotCancellable>());
        await _inventory.DidNotReceiveWithAnyArgs().ReturnAsync(default, default);
    }

    [Test]
    public async Task Cancel_of_an_order_that_needs_attention_is_not_cancellable_and_does_nothing()
    {
        var order = OrderFixtures.Confirmed();
        order.NeedAttention("cancelling found the reservation released", OrderFixtures.Placed);
        Stored(order);

        var result = await _handler.Handle(new CancelOrderCommand(order.Id.Value), CancellationToken.None);

        Assert.That(((CancelOrderResult.NotCancellable)result).Order.Status, Is.EqualTo("needs_attention"));
        Assert.That(_inventory.ReceivedCalls(), Is.Empty);
        Assert.That(_payment.ReceivedCalls(), Is.Empty);
    }

    [Test]
    public async Task Cancel_of_an_unknown_order_is_not_found() =>
        Assert.That(await _handler.Handle(new CancelOrderCommand(Guid.NewGuid()), CancellationToken.None), Is.TypeOf<CancelOrderResult.NotFound>());

    [Test]
    public async Task Cancel_leaves_the_order_confirmed_and_refunds_nothing_when_inventory_does_not_answer()
    {
        var order = Stored(OrderFixtures.Confirmed());
        _inventory.ReturnAsync(default, default).ReturnsForAnyArgs(new ReservationState.Unanswered("timeout"));

        var result = await _handler.Handle(new CancelOrderCommand(order.Id.Value), CancellationToken.None);

        Assert.That(result, Is.EqualTo(new CancelOrderResult.DependencyUnavailable(Unanswered.Inventory, order.Id.Value)));
        Assert.That(order.Status, Is.EqualTo(OrderStatus.Confirmed));
        Assert.That(_orders.Saved, Is.Empty);
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task Cancel_retried_after_the_payment_did_not_answer_finishes_the_cancellation()
    {
        var order = Stored(OrderFixtures.Confirmed());
        _payment.RefundAsync(default, default).ReturnsForAnyArgs(new PaymentState.Unanswered("timeout"), new PaymentState.Refunded());

        var first = await _handler.Handle(new CancelOrderCommand(order.Id.Value), CancellationToken.None);
        var retry = await _handler.Handle(new CancelOrderCommand(order.Id.Value), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(new CancelOrderResult.DependencyUnavailable(Unanswered.Payment, order.Id.Value)));
            Assert.That(retry, Is.TypeOf<CancelOrderResult.Cancelled>());
            Assert.That(_orders.Saved, Is.EqualTo(new[] { OrderStatus.Cancelled }));
        });
        await _inventory.Received(2).ReturnAsync(order.Id, Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task Cancel_answers_dependency_unavailable_when_the_store_is_down_after_the_remote_steps()
    {
        var order = Stored(OrderFixtures.Confirmed());
        _orders.NextUpdateFailure = new OrderStoreUnavailableException("down");

        var result = await _handler.Handle(new CancelOrderCommand(order.Id.Value), CancellationToken.None);

        Assert.That(result, Is.EqualTo(new CancelOrderResult.DependencyUnavailable(Unanswered.OrderStore, order.Id.Value)));
        Assert.That(_orders.Saved, Is.Empty);
        await _payment.Received(1).RefundAsync(order.Id, Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task Cancel_that_a_concurrent_cancellation_stored_first_answers_with_what_it_stored()
    {
        var order = Stored(OrderFixtures.Confirmed());
        _orders.StoredMeanwhile = CancelledCopy(order, OrderFixtures.Placed.AddMinutes(1));
        _orders.NextUpdateFailure = new OrderConcurrencyException("cancelled meanwhile");

        var result = await _handler.Handle(new CancelOrderCommand(order.Id.Value), CancellationToken.None);

        var cancelled = (CancelOrderResult.Cancelled)result;
        Assert.That((cancelled.Order.Id, cancelled.Order.UpdatedAt), Is.EqualTo((order.Id.Value, OrderFixtures.Placed.AddMinutes(1))));
        Assert.That(_orders.Saved, Is.Empty);
    }

    [Test]
    public async Task Cancel_whose_return_is_refused_and_the_reservation_turns_out_released_needs_attention_and_refunds_nothing()
    {
        var order = Stored(OrderFixtures.Confirmed());
        _inventory.ReturnAsync(default, default).ReturnsForAnyArgs(new ReservationState.Refused("not committed"));
        _inventory.GetReservationAsync(default, default).ReturnsForAnyArgs(new ReservationState.Released());

        var result = await _handler.Handle(new CancelOrderCommand(order.Id.Value), CancellationToken.None);

        var notCancellable = (CancelOrderResult.NotCancellable)result;
        Assert.Multiple(() =>
        {
            Assert.That(notCancellable.Order.Status, Is.EqualTo("needs_attention"));
            Assert.That(notCancellable.Order.StatusReason, Does.Contain("released"));
            Assert.That(_orders.Saved, Is.EqualTo(new[] { OrderStatus.NeedsAttention }));
        });
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task Cancel_whose_return_keeps_being_refused_needs_attention_instead_of_retrying()
    {
        var order = Stored(OrderFixtures.Confirmed());
        _inventory.ReturnAsync(default, default).ReturnsForAnyArgs(new ReservationState.Refused("ledger locked"));
        _inventory.GetReservationAsync(default, default).ReturnsForAnyArgs(new ReservationState.Committed());

        var result = await _handler.Handle(new CancelOrderCommand(order.Id.Value), CancellationToken.None);

        Assert.That(((CancelOrderResult.NotCancellable)result).Order.StatusReason, Does.Contain("ledger locked"));
        Assert.That(order.Status, Is.EqualTo(OrderStatus.NeedsAttention));
        await _inventory.Received(1).ReturnAsync(order.Id, Arg.Any<CancellationToken>());
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task Cancel_requested_by_another_user_is_not_found_and_changes_nothing()
    {
        var order = Stored(OrderFixtures.Confirmed(userId: "u2"));

        var result = await _handler.Handle(new CancelOrderCommand(order.Id.Value, RequestedBy: "u1"), CancellationToken.None);

        Assert.That(result, Is.InstanceOf<CancelOrderResult.NotFound>());
        Assert.That(_orders.Saved, Is.Empty);
        await _inventory.DidNotReceiveWithAnyArgs().ReturnAsync(default, default);
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    private Order Stored(Order order)
    {
        _orders.Earlier.Add(order);
        return order;
    }

    /// <summary>The same order as another request read, cancelled and stored it.</summary>
    private static Order CancelledCopy(Order order, DateTimeOffset cancelledAt)
    {
        var copy = Order.Place(order.Id, order.UserId, order.RequestedLines, order.CreatedAt);
        copy.Price([.. order.Lines.Select(line => new PricedLine(line.ProductId, line.UnitPrice!.Value))], order.CreatedAt);
        copy.Confirm(order.CreatedAt);
        copy.Cancel(cancelledAt);
        return copy;
    }
}
