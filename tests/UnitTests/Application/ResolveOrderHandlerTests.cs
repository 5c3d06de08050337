using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Orders.Application.Abstractions;
using Orders.Application.Orders.Attention;
using Orders.Application.Orders.CreateOrder;
using Orders.Application.Orders.Placement;
using Orders.Domain.Common;
using Orders.Domain.Orders;

namespace Orders.UnitTests.Application;

public sealed class ResolveOrderHandlerTests
{
    private static readonly DateTimeOffset Now = OrderFixtures.Placed.AddHours(1);
    private static readonly IReadOnlyList<PricedLine> Prices = [new(new ProductId("p1"), new Money(10m, "EUR"))];

    private IInventory _inventory = null!;
    private IPayment _payment = null!;
    private RecordingOrderRepository _orders = null!;
    private ResolveOrderHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _inventory = Substitute.For<IInventory>();
        _payment = Substitute.For<IPayment>();
        _orders = new RecordingOrderRepository();
        _inventory.ReleaseAsync(default, default).ReturnsForAnyArgs(new ReservationState.Released());
        _inventory.CommitAsync(default, default).ReturnsForAnyArgs(new ReservationState.Committed());
        _inventory.ReturnAsync(default, default).ReturnsForAnyArgs(new ReservationState.Returned());
        _payment.RefundAsync(default, default).ReturnsForAnyArgs(new PaymentState.Refunded());
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(new PaymentState.None());
        var clock = Substitute.For<IClock>();
        clock.UtcNow.Returns(Now);
        var runner = new PlacementRunner(_inventory, _payment, _orders, clock, NullLogger<PlacementRunner>.Instance);
        _handler = new ResolveOrderHandler(runner, _orders);
    }

    [Test]
    public async Task Retry_confirms_an_approved_order_once_the_inventory_holds_its_stock_again()
    {
        var order = NeedingAttention("the payment is approved, but the reservation is none");
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(new PaymentState.Approved());
        _inventory.GetReservationAsync(default, default).ReturnsForAnyArgs(new ReservationState.Reserved { Prices = Prices });

        var result = await ResolveAsync(order, OrderResolution.Retry);

        var resolved = (ResolveOrderResult.Resolved)result;
        Assert.Multiple(() =>
        {
            Assert.That(resolved.Order.Status, Is.EqualTo("confirmed"));
            Assert.That(resolved.Order.StatusReason, Is.Null);
            Assert.That(resolved.Order.Total, Is.EqualTo(20m));
            Assert.That(_orders.Saved, Is.EqualTo(new[] { OrderStatus.Confirmed }));
        });
        await _inventory.Received(1).CommitAsync(order.Id, Arg.Any<CancellationToken>());
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task Retry_fails_an_order_that_was_never_charged_after_releasing_and_voiding()
    {
        var order = NeedingAttention("the stock is committed, but the payment is none");

        var result = await ResolveAsync(order, OrderResolution.Retry);

        Assert.That(((ResolveOrderResult.Resolved)result).Order.Status, Is.EqualTo("failed"));
        Received.InOrder(() =>
        {
            _inventory.ReleaseAsync(order.Id, Arg.Any<CancellationToken>());
            _payment.RefundAsync(order.Id, Arg.Any<CancellationToken>());
        });
        await _inventory.DidNotReceiveWithAnyArgs().CommitAsync(default, default);
    }

    [Test]
    public async Task Retry_of_what_still_cannot_be_reconciled_leaves_the_order_needing_attention_with_the_new_reason()
    {
        var order = NeedingAttention("an earlier reason");
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(new PaymentState.Approved());
        _inventory.GetReservationAsync(default, default).ReturnsForAnyArgs(new ReservationState.None());

        var result = await ResolveAsync(order, OrderResolution.Retry);

        var resolved = (ResolveOrderResult.Resolved)result;
        Assert.That(resolved.Order.Status, Is.EqualTo("needs_attention"));
        Assert.That(resolved.Order.StatusReason, Does.Contain("approved").And.Contain("none"));
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task Settle_returns_committed_stock_then_refunds_and_ends_the_order_failed()
    {
        var order = NeedingAttention("the stock is committed, but the payment is none");
        _inventory.ReleaseAsync(default, default).ReturnsForAnyArgs(new ReservationState.Committed());
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(new PaymentState.Approved());

        var result = await ResolveAsync(order, OrderResolution.Settle);

        var resolved = (ResolveOrderResult.Resolved)result;
        Assert.Multiple(() =>
        {
            Assert.That(resolved.Order.Status, Is.EqualTo("failed"));
            Assert.That(resolved.Order.StatusReason, Does.Contain("operator"));
            Assert.That(_orders.Saved, Is.EqualTo(new[] { OrderStatus.Failed }));
        });
        Received.InOrder(() =>
        {
            _inventory.ReturnAsync(order.Id, Arg.Any<CancellationToken>());
            _payment.RefundAsync(order.Id, Arg.Any<CancellationToken>());
        });
        await _inventory.DidNotReceiveWithAnyArgs().CommitAsync(default, default);
    }

    [Test]
    public async Task Settle_of_a_confirmed_order_whose_stock_was_released_refunds_it_and_ends_it_failed()
    {
        var order = OrderFixtures.Confirmed();
        order.NeedAttention("cancelling a confirmed order found the reservation released and the payment approved", OrderFixtures.Placed);
        _orders.Earlier.Add(order);

        var result = await ResolveAsync(order, OrderResolution.Settle);

        Assert.That(((ResolveOrderResult.Resolved)result).Order.Status, Is.EqualTo("failed"));
        await _payment.Received(1).RefundAsync(order.Id, Arg.Any<CancellationToken>());
        await _inventory.DidNotReceiveWithAnyArgs().ReturnAsync(default, default);
    }

    [Test]
    public async Task Settle_while_the_payment_provider_does_not_answer_leaves_the_order_needing_attention()
    {
        var order = NeedingAttention("the stock is committed, but the payment is none");
        _payment.RefundAsync(default, default).ReturnsForAnyArgs(new PaymentState.Unanswered("payments down"));

        var result = await ResolveAsync(order, OrderResolution.Settle);

        Assert.That(result, Is.EqualTo(new ResolveOrderResult.DependencyUnavailable(Unanswered.Payment, order.Id.Value)));
        Assert.That(order.Status, Is.EqualTo(OrderStatus.NeedsAttention));
        Assert.That(_orders.Saved, Is.Empty);
    }

    [Test]
    public async Task A_resolution_that_cannot_be_stored_leaves_the_order_needing_attention()
    {
        var order = NeedingAttention("the stock is committed, but the payment is none");
        _orders.FailingUpdates.Add(1);

        var result = await ResolveAsync(order, OrderResolution.Settle);

        Assert.That(result, Is.EqualTo(new ResolveOrderResult.DependencyUnavailable(Unanswered.OrderStore, order.Id.Value)));
        Assert.That(_orders.Saved, Is.Empty);
    }

    [TestCase(OrderResolution.Retry)]
    [TestCase(OrderResolution.Settle)]
    public async Task An_order_that_does_not_need_attention_is_refused_unchanged(OrderResolution resolution)
    {
        var pending = OrderFixtures.Pending();
        var confirmed = OrderFixtures.Confirmed();
        _orders.Earlier.AddRange([pending, confirmed]);

        var results = new[] { await ResolveAsync(pending, resolution), await ResolveAsync(confirmed, resolution) };

        Assert.That(results.Select(result => ((ResolveOrderResult.NotNeedingAttention)result).Order.Status), Is.EqualTo(new[] { "pending", "confirmed" }));
        Assert.That(_orders.Saved, Is.Empty);
        Assert.That(_inventory.ReceivedCalls(), Is.Empty);
        Assert.That(_payment.ReceivedCalls(), Is.Empty);
    }

    [Test]
    public async Task An_unknown_order_is_not_found() =>
        Assert.That(
            await _handler.Handle(new ResolveOrderCommand(Guid.NewGuid(), OrderResolution.Settle), CancellationToken.None),
            Is.TypeOf<ResolveOrderResult.NotFound>());

    private Order NeedingAttention(string reason)
    {
        var order = OrderFixtures.Pending();
        order.NeedAttention(reason, OrderFixtures.Placed);
        _orders.Earlier.Add(order);
        return order;
    }

    private async Task<ResolveOrderResult> ResolveAsync(Order order, OrderResolution resolution) =>
        await _handler.Handle(new ResolveOrderCommand(order.Id.Value, resolution), CancellationToken.None);
}
