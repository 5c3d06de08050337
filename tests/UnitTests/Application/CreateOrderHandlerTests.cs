using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Orders.Application.Abstractions;
using Orders.Application.Orders.CreateOrder;
using Orders.Application.Orders.Placement;
using Orders.Domain.Common;
using Orders.Domain.Orders;

namespace Orders.UnitTests.Application;

public sealed partial class CreateOrderHandlerTests
{
    private static readonly ProductId P1 = new("p1");
    private static readonly ProductId P2 = new("p2");
    private static readonly CreateOrderCommand TwoLines = new("u1", [new("p1", 2), new("p2", 1)]);
    private static readonly ReservationState.Reserved Reserved = new() { Prices = [new(P1, new Money(10m, "EUR")), new(P2, new Money(2.5m, "EUR"))] };

    private IInventory _inventory = null!;
    private IPayment _payment = null!;
    private RecordingOrderRepository _orders = null!;
    private CreateOrderHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _inventory = Substitute.For<IInventory>();
        _payment = Substitute.For<IPayment>();
        _orders = new RecordingOrderRepository();

        _inventory.ReserveAsync(default, default!, default).ReturnsForAnyArgs(Reserved);
        _inventory.ReleaseAsync(default, default).ReturnsForAnyArgs(new ReservationState.Released());
        _inventory.CommitAsync(default, default).ReturnsForAnyArgs(new ReservationState.Committed());
        _payment.ChargeAsync(default!, default).ReturnsForAnyArgs(new PaymentState.Approved());
        _payment.RefundAsync(default, default).ReturnsForAnyArgs(new PaymentState.Refunded());

        var clock = Substitute.For<IClock>();
        clock.UtcNow.Returns(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        var runner = new PlacementRunner(_inventory, _payment, _orders, clock, NullLogger<PlacementRunner>.Instance);
        _handler = new CreateOrderHandler(runner, _orders, clock, NullLogger<CreateOrderHandler>.Instance);
    }

    [Test]
    public async Task Create_order_confirms_it_when_stock_is_reserved_and_payment_approved()
    {
        var result = await _handler.Handle(TwoLines, CancellationToken.None);

        var confirmed = (CreateOrderResult.Confirmed)result;
        Assert.Multiple(() =>
        {
            Assert.That(confirmed.Order.Status, Is.EqualTo("confirmed"));
            Assert.That(confirmed.Order.Total, Is.EqualTo(22.5m));
            Assert.That(confirmed.Order.Currency, Is.EqualTo("EUR"));
            Assert.That(confirmed.Order.Items.Select(item => item.UnitPrice), Is.EqualTo(new decimal?[] { 10m, 2.5m }));
            Assert.That(_orders.Order!.Status, Is.EqualTo(OrderStatus.Confirmed));
        });
        await _inventory.DidNotReceiveWithAnyArgs().ReleaseAsync(default, default);
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task Create_order_uses_the_order_id_as_reservation_and_payment_id()
    {
        await _handler.Handle(TwoLines, CancellationToken.None);

        var id = _orders.Order!.Id;
        await _inventory.Received(1).ReserveAsync(
            id,
            Arg.Is<IReadOnlyList<RequestedLine>>(lines => lines.SequenceEqual(new RequestedLine[] { new(P1, 2), new(P2, 1) })),
            Arg.Any<CancellationToken>());
        await _payment.Received(1).ChargeAsync(
            new PaymentRequest(id, id, new UserId("u1"), new Money(22.5m, "EUR")), Arg.Any<CancellationToken>());
        await _inventory.Received(1).CommitAsync(id, Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task Create_order_is_stored_before_reserving_and_then_only_with_its_outcome()
    {
        _inventory.ReserveAsync(default, default!, default).ReturnsForAnyArgs(_ =>
        {
            Assert.That(_orders.Saved, Is.EqualTo(new[] { OrderStatus.Pending }), "stored before reserving");
            return Reserved;
        });

        await _handler.Handle(TwoLines, CancellationToken.None);

        // Nothing stored in between: recovery of an order left pending asks the payment and inventory services how far it got.
        Assert.That(_orders.Saved, Is.EqualTo(new[] { OrderStatus.Pending, OrderStatus.Confirmed }));
    }

    [Test]
    public async Task Create_order_is_rejected_with_every_shortage_when_stock_is_short()
    {
        StockShortage[] shortages = [new(P1, 2, 1), new(P2, 1, 0)];
        _inventory.ReserveAsync(default, default!, default).ReturnsForAnyArgs(new ReservationState.Rejected(shortages, []));

        var result = await _handler.Handle(TwoLines, CancellationToken.None);

        var insufficient = (CreateOrderResult.InsufficientStock)result;
        Assert.That(insufficient.Shortages, Is.EqualTo(shortages));
        Assert.That(insufficient.Order.Status, Is.EqualTo("rejected"));
        Assert.That(_orders.Order!.Status, Is.EqualTo(OrderStatus.Rejected));
        Assert.That(_orders.Order!.StatusReason, Does.Contain("p1").And.Contain("p2"));
        await _payment.DidNotReceiveWithAnyArgs().ChargeAsync(default!, default);
        await _inventory.DidNotReceiveWithAnyArgs().CommitAsync(default, default);
        await _inventory.DidNotReceiveWithAnyArgs().ReleaseAsync(default, default);
    }

    [Test]
    public async Task Create_order_is_rejected_when_a_product_is_unknown()
    {
        _inventory.ReserveAsync(default, default!, default).ReturnsForAnyArgs(new ReservationState.Rejected([new(P1, 2, 0)], [P2]));

        var result = await _handler.Handle(TwoLines, CancellationToken.None);

        Assert.That(((CreateOrderResult.UnknownProducts)result).ProductIds, Is.EqualTo(new[] { "p2" }));
        Assert.That(_orders.Order!.Status, Is.EqualTo(OrderStatus.Rejected));
        await _payment.DidNotReceiveWithAnyArgs().ChargeAsync(default!, default);
    }

    [Test]
    public async Task Create_order_releases_stock_when_payment_is_declined()
    {
        _payment.ChargeAsync(default!, default).ReturnsForAnyArgs(new PaymentState.Declined("amount above limit"));

        var result = await _handler.Handle(TwoLines, CancellationToken.None);

        var declined = (CreateOrderResult.PaymentDeclined)result;
        Assert.That(declined.Reason, Is.EqualTo("amount above limit"));
        Assert.That(declined.Order.Status, Is.EqualTo("payment_declined"));
        Assert.That(_orders.Order!.Status, Is.EqualTo(OrderStatus.PaymentDeclined));
        await _inventory.Received(1).ReleaseAsync(_orders.Order!.Id, Arg.Any<CancellationToken>());
        await _inventory.DidNotReceiveWithAnyArgs().CommitAsync(default, default);
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task A_declined_order_stays_pending_for_recovery_when_its_stock_cannot_be_released()
    {
        _payment.ChargeAsync(default!, default).ReturnsForAnyArgs(new PaymentState.Declined("declined"));
        _inventory.ReleaseAsync(default, default).ReturnsForAnyArgs(new ReservationState.Unanswered("down"));

        var result = await _handler.Handle(TwoLines, CancellationToken.None);

        Assert.That(result, Is.EqualTo(new CreateOrderResult.DependencyUnavailable(Unanswered.Inventory, _orders.Order!.Id.Value)));
        Assert.That(_orders.Saved, Is.EqualTo(new[] { OrderStatus.Pending }));
    }

    [Test]
    public async Task Create_order_fails_and_releases_when_the_inventory_is_unavailable()
    {
        _inventory.ReserveAsync(default, default!, default).ReturnsForAnyArgs(new ReservationState.Unanswered("deadline exceeded"));

        var result = await _handler.Handle(TwoLines, CancellationToken.None);

        Assert.That(result, Is.EqualTo(new CreateOrderResult.DependencyUnavailable(Unanswered.Inventory, _orders.Order!.Id.Value)));
        Assert.That(_orders.Order!.Status, Is.EqualTo(OrderStatus.Failed));
        Assert.That(_orders.Order!.StatusReason, Does.Contain("deadline exceeded"));
        Assert.That(_orders.Saved[^1], Is.EqualTo(OrderStatus.Failed));
        await _inventory.Received(1).ReleaseAsync(_orders.Order!.Id, Arg.Any<CancellationToken>());
        await _payment.DidNotReceiveWithAnyArgs().ChargeAsync(default!, default);
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task An_order_stays_pending_for_recovery_when_the_inventory_is_down_for_the_release_too()
    {
        _inventory.ReserveAsync(default, default!, default).ReturnsForAnyArgs(new ReservationState.Unanswered("down"));
        _inventory.ReleaseAsync(default, default).ReturnsForAnyArgs(new ReservationState.Unanswered("down"));

        var result = await _handler.Handle(TwoLines, CancellationToken.None);

        Assert.That(result, Is.EqualTo(new CreateOrderResult.DependencyUnavailable(Unanswered.Inventory, _orders.Order!.Id.Value)));
        Assert.That(_orders.Saved, Is.EqualTo(new[] { OrderStatus.Pending }));
        await _payment.DidNotReceiveWithAnyArgs().ChargeAsync(default!, default);
    }

    [Test]
    public async Task Create_order_releases_then_refunds_when_the_payment_is_unavailable_after_the_reservation()
    {
        _payment.ChargeAsync(default!, default).ReturnsForAnyArgs(new PaymentState.Unanswered("deadline exceeded"));

        var result = await _handler.Handle(TwoLines, CancellationToken.None);

        Assert.That(result, Is.EqualTo(new CreateOrderResult.DependencyUnavailable(Unanswered.Payment, _orders.Order!.Id.Value)));
        Assert.That(_orders.Order!.Status, Is.EqualTo(OrderStatus.Failed));
        Received.InOrder(() =>
        {
            _inventory.ReleaseAsync(_orders.Order!.Id, Arg.Any<CancellationToken>());
            _payment.RefundAsync(_orders.Order!.Id, Arg.Any<CancellationToken>());
        });
        await _inventory.DidNotReceiveWithAnyArgs().CommitAsync(default, default);
    }

    [Test]
    public async Task Create_order_releases_without_refunding_when_the_charge_never_reached_the_provider()
    {
        _payment.ChargeAsync(default!, default).ReturnsForAnyArgs(new PaymentState.Unanswered("connection refused", MayHaveActed: false));

        var result = await _handler.Handle(TwoLines, CancellationToken.None);

        Assert.That(result, Is.EqualTo(new CreateOrderResult.DependencyUnavailable(Unanswered.Payment, _orders.Order!.Id.Value)));
        Assert.That(_orders.Order!.Status, Is.EqualTo(OrderStatus.Failed));
        await _inventory.Received(1).ReleaseAsync(_orders.Order!.Id, Arg.Any<CancellationToken>());
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task Create_order_releases_then_refunds_when_the_commit_is_unanswered()
    {
        _inventory.CommitAsync(default, default).ReturnsForAnyArgs(new ReservationState.Unanswered("down"));

        var result = await _handler.Handle(TwoLines, CancellationToken.None);

        Assert.That(result, Is.EqualTo(new CreateOrderResult.DependencyUnavailable(Unanswered.Inventory, _orders.Order!.Id.Value)));
        Assert.That(_orders.Order!.Status, Is.EqualTo(OrderStatus.Failed));
        Received.InOrder(() =>
        {
            _inventory.ReleaseAsync(_orders.Order!.Id, Arg.Any<CancellationToken>());
            _payment.RefundAsync(_orders.Order!.Id, Arg.Any<CancellationToken>());
        });
    }

    [Test]
    public async Task Create_order_confirms_without_refunding_when_a_lost_commit_reply_turns_out_to_have_committed()
    {
        _inventory.CommitAsync(default, default).ReturnsForAnyArgs(new ReservationState.Unanswered("deadline exceeded"));
        _inventory.ReleaseAsync(default, default).ReturnsForAnyArgs(new ReservationState.Committed());

        var result = await _handler.Handle(TwoLines, CancellationToken.None);

        Assert.That(result, Is.InstanceOf<CreateOrderResult.Confirmed>());
        Assert.That(_orders.Order!.Status, Is.EqualTo(OrderStatus.Confirmed));
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task A_paid_and_committed_order_is_left_to_recovery_not_undone_when_the_store_fails_at_the_end()
    {
        _orders.FailingUpdates.Add(1);

        var result = await _handler.Handle(TwoLines, CancellationToken.None);

        Assert.That(result, Is.EqualTo(new CreateOrderResult.DependencyUnavailable(Unanswered.OrderStore, _orders.Order!.Id.Value)));
        Assert.That(_orders.Saved, Is.EqualTo(new[] { OrderStatus.Pending }), "recovery asks the payment service and confirms");
        await _inventory.DidNotReceiveWithAnyArgs().ReleaseAsync(default, default);
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task A_placement_whose_order_the_recovery_job_took_over_answers_with_the_order_id_instead_of_failing()
    {
        _orders.NextUpdateFailure = new OrderConcurrencyException("changed by the recovery job");

        var result = await _handler.Handle(TwoLines, CancellationToken.None);

        Assert.That(result, Is.EqualTo(new CreateOrderResult.DependencyUnavailable(Unanswered.OrderStore, _orders.Order!.Id.Value)));
        Assert.That(_orders.Saved, Is.EqualTo(new[] { OrderStatus.Pending }), "the recovery's outcome is not written over");
        await _inventory.DidNotReceiveWithAnyArgs().ReleaseAsync(default, default);
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task An_order_stays_pending_for_recovery_when_the_refund_is_unanswered()
    {
        _payment.ChargeAsync(default!, default).ReturnsForAnyArgs(new PaymentState.Unanswered("down"));
        _payment.RefundAsync(default, default).ReturnsForAnyArgs(new PaymentState.Unanswered("down"));

        var result = await _handler.Handle(TwoLines, CancellationToken.None);

        Assert.That(result, Is.EqualTo(new CreateOrderResult.DependencyUnavailable(Unanswered.Payment, _orders.Order!.Id.Value)));
        Assert.That(_orders.Saved, Is.EqualTo(new[] { OrderStatus.Pending }));
    }

    [Test]
    public async Task A_declined_order_whose_stock_the_inventory_says_is_committed_needs_attention()
    {
        _payment.ChargeAsync(default!, default).ReturnsForAnyArgs(new PaymentState.Declined("declined"));
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(new PaymentState.Declined("declined"));
        _inventory.ReleaseAsync(default, default).ReturnsForAnyArgs(new ReservationState.Committed());

        var result = await _handler.Handle(TwoLines, CancellationToken.None);

        var attention = (CreateOrderResult.NeedsAttention)result;
        Assert.Multiple(() =>
        {
            Assert.That(attention.Order.Status, Is.EqualTo("needs_attention"));
            Assert.That(attention.Order.StatusReason, Does.Contain("committed").And.Contain("declined"));
            Assert.That(_orders.Saved, Is.EqualTo(new[] { OrderStatus.Pending, OrderStatus.NeedsAttention }));
        });
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
        await _inventory.DidNotReceiveWithAnyArgs().ReturnAsync(default, default);
    }
}
