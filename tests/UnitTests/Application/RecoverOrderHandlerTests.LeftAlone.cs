using NSubstitute;
using Orders.Application.Abstractions;
using Orders.Application.Orders.RecoverOrder;
using Orders.Domain.Orders;

namespace Orders.UnitTests.Application;

/// <summary>Recovery that can't settle an order leaves it to an operator, and leaves alone what is no longer pending.</summary>
public sealed partial class RecoverOrderHandlerTests
{
    [Test]
    public async Task An_order_whose_stock_is_committed_without_a_payment_needs_attention_and_nothing_is_refunded()
    {
        var order = await StoredAsync();
        _inventory.ReleaseAsync(default, default).ReturnsForAnyArgs(new ReservationState.Committed());

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.Ended(OrderStatus.NeedsAttention)));
        Assert.That(order.StatusReason, Does.Contain("committed").And.Contain("none"));
        Assert.That(_orders.Saved, Is.EqualTo(new[] { OrderStatus.Pending, OrderStatus.NeedsAttention }));
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
        await _inventory.DidNotReceiveWithAnyArgs().ReturnAsync(default, default);
    }

    [Test]
    public async Task An_approved_order_whose_reservation_the_inventory_never_saw_needs_attention_and_nothing_is_refunded()
    {
        var order = await StoredAsync();
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(new PaymentState.Approved());
        _inventory.GetReservationAsync(default, default).ReturnsForAnyArgs(new ReservationState.None());

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.Ended(OrderStatus.NeedsAttention)));
        Assert.That(order.StatusReason, Does.Contain("approved").And.Contain("none"));
        Assert.That(_orders.Saved[^1], Is.EqualTo(OrderStatus.NeedsAttention));
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
        await _inventory.DidNotReceiveWithAnyArgs().CommitAsync(default, default);
    }

    [Test]
    public async Task An_order_that_needs_attention_is_left_alone_by_the_next_round()
    {
        var order = await StoredAsync();
        _inventory.ReleaseAsync(default, default).ReturnsForAnyArgs(new ReservationState.Committed());
        await RecoverAsync(order);
        _inventory.ClearReceivedCalls();
        _payment.ClearReceivedCalls();

        var again = await RecoverAsync(order);

        Assert.That(again, Is.EqualTo(new RecoverOrderResult.NotPending()));
        Assert.That(order.Status, Is.EqualTo(OrderStatus.NeedsAttention));
        Assert.That(_inventory.ReceivedCalls(), Is.Empty);
        Assert.That(_payment.ReceivedCalls(), Is.Empty);
    }

    [Test]
    public async Task An_order_that_is_no_longer_pending_is_left_alone()
    {
        var order = OrderFixtures.Confirmed();
        _orders.Earlier.Add(order);

        var result = await RecoverAsync(order);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.NotPending()));
        Assert.That(_inventory.ReceivedCalls(), Is.Empty);
        Assert.That(_payment.ReceivedCalls(), Is.Empty);
    }

    [Test]
    public async Task An_unknown_order_is_not_pending()
    {
        var result = await _handler.Handle(new RecoverOrderCommand(Guid.NewGuid()), CancellationToken.None);

        Assert.That(result, Is.EqualTo(new RecoverOrderResult.NotPending()));
    }
}
