using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using NSubstitute;
using Orders.Application.Abstractions;
using Orders.Application.Common;
using Orders.Application.Orders.Placement;
using Orders.Domain.Common;
using Orders.Domain.Orders;

namespace Orders.UnitTests.Application.Placement;

public sealed class PlacementRunnerTests
{
    private static readonly ProductId P1 = new("p1");
    private static readonly PricedLine[] Prices = [new(P1, new Money(10m, "EUR"))];

    private IInventory _inventory = null!;
    private IPayment _payment = null!;
    private RecordingOrderRepository _orders = null!;
    private CountingLogger _logger = null!;
    private PlacementRunner _runner = null!;
    private Order _order = null!;

    [SetUp]
    public void SetUp()
    {
        _inventory = Substitute.For<IInventory>();
        _payment = Substitute.For<IPayment>();
        _orders = new RecordingOrderRepository();
        _logger = new CountingLogger();
        _inventory.ReserveAsync(default, default!, default).ReturnsForAnyArgs(new ReservationState.Reserved { Prices = Prices });
        _inventory.CommitAsync(default, default).ReturnsForAnyArgs(new ReservationState.Committed());
        _inventory.ReleaseAsync(default, default).ReturnsForAnyArgs(new ReservationState.Released());
        _inventory.ReturnAsync(default, default).ReturnsForAnyArgs(new ReservationState.Returned());
        _payment.ChargeAsync(default!, default).ReturnsForAnyArgs(new PaymentState.Approved());
        _payment.RefundAsync(default, default).ReturnsForAnyArgs(new PaymentState.Refunded());
        var clock = Substitute.For<IClock>();
        clock.UtcNow.Returns(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
        _runner = new PlacementRunner(_inventory, _payment, _orders, clock, _logger);
        _order = Order.Place(OrderId.New(), new UserId("u1"), [new RequestedLine(P1, 2)], clock.UtcNow);
        _orders.AddAsync(_order, CancellationToken.None);
    }

    [Test]
    public async Task A_placement_reserves_charges_the_priced_total_commits_and_stores_the_order_confirmed()
    {
        var end = await RunAsync(PlacementFacts.ForPlacing());

        Assert.That(end, Is.TypeOf<PlacementEnd.Stored>());
        Assert.That(_order.Status, Is.EqualTo(OrderStatus.Confirmed));
        Assert.That(_orders.Saved, Is.EqualTo(new[] { OrderStatus.Pending, OrderStatus.Confirmed }), "stored once more, with its outcome");
        await _payment.Received(1).ChargeAsync(new PaymentRequest(_order.Id, _order.Id, _order.UserId, new Money(20m, "EUR")), Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task An_unanswered_reserve_is_undone_by_a_release_and_the_order_fails_naming_the_inventory()
    {
        _inventory.ReserveAsync(default, default!, default).ReturnsForAnyArgs(new ReservationState.Unanswered("deadline exceeded"));

        var end = await RunAsync(PlacementFacts.ForPlacing());

        Assert.That(end, Is.TypeOf<PlacementEnd.Stored>());
        Assert.That(_order.Status, Is.EqualTo(OrderStatus.Failed));
        Assert.That(_order.StatusReason, Is.EqualTo("inventory: deadline exceeded"));
        await _inventory.Received(1).ReleaseAsync(_order.Id, Arg.Any<CancellationToken>());
        await _payment.DidNotReceiveWithAnyArgs().ChargeAsync(default!, default);
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task An_unanswered_charge_is_undone_release_first_then_refund()
    {
        _payment.ChargeAsync(default!, default).ReturnsForAnyArgs(new PaymentState.Unanswered("deadline exceeded"));

        await RunAsync(PlacementFacts.ForPlacing());

        Assert.That(_order.Status, Is.EqualTo(OrderStatus.Failed));
        Received.InOrder(() =>
        {
            _inventory.ReleaseAsync(_order.Id, Arg.Any<CancellationToken>());
            _payment.RefundAsync(_order.Id, Arg.Any<CancellationToken>());
        });
    }

    [Test]
    public async Task An_unanswered_commit_whose_release_is_refused_because_the_stock_is_sold_confirms_without_refunding()
    {
        _inventory.CommitAsync(default, default).ReturnsForAnyArgs(new ReservationState.Unanswered("reply lost"));
        _inventory.ReleaseAsync(default, default).ReturnsForAnyArgs(new ReservationState.Committed());

        await RunAsync(PlacementFacts.ForPlacing());

        Assert.That(_order.Status, Is.EqualTo(OrderStatus.Confirmed));
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task A_placement_whose_undoing_goes_unanswered_too_is_left_pending_and_not_stored_again()
    {
        _payment.ChargeAsync(default!, default).ReturnsForAnyArgs(new PaymentState.Unanswered("deadline exceeded"));
        _inventory.ReleaseAsync(default, default).ReturnsForAnyArgs(new ReservationState.Unanswered("down"));

        var end = await RunAsync(PlacementFacts.ForPlacing());

        Assert.That(end, Is.TypeOf<PlacementEnd.Waiting>());
        Assert.That(((PlacementEnd.Waiting)end).Cause, Is.EqualTo(new Unanswered(Unanswered.Inventory, "down")));
        Assert.That(_order.Status, Is.EqualTo(OrderStatus.Pending));
        Assert.That(_orders.Saved, Is.EqualTo(new[] { OrderStatus.Pending }));
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task A_refused_return_on_cancelling_asks_the_inventory_and_an_order_whose_stock_was_released_needs_attention()
    {
        _inventory.ReturnAsync(default, default).ReturnsForAnyArgs(new ReservationState.Refused("reservation is released"));
        _inventory.GetReservationAsync(default, default).ReturnsForAnyArgs(new ReservationState.Released());
        var confirmed = await ConfirmedOrderAsync();

        var end = await _runner.RunAsync(confirmed, PlacementFacts.ForCancelling(), CancellationToken.None);

        Assert.That(end, Is.TypeOf<PlacementEnd.Stored>());
        Assert.That(confirmed.Status, Is.EqualTo(OrderStatus.NeedsAttention));
        Assert.That(confirmed.StatusReason, Does.Contain("released"));
        await _payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task An_order_that_needs_attention_is_stored_logged_once_at_error_level_and_counted()
    {
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(new PaymentState.None());
        _inventory.GetReservationAsync(default, default).ReturnsForAnyArgs(new ReservationState.Committed { Prices = Prices });
        _inventory.ReleaseAsync(default, default).ReturnsForAnyArgs(new ReservationState.Committed());
        var counted = CountAttention();

        await RunAsync(PlacementFacts.ForSettling(PlacementGoal.Recover));

        Assert.That(_order.Status, Is.EqualTo(OrderStatus.NeedsAttention));
        Assert.That(_orders.Saved[^1], Is.EqualTo(OrderStatus.NeedsAttention));
        Assert.That(_logger.Errors, Is.EqualTo(1));
        Assert.That(counted(), Is.EqualTo(1));
    }

    [Test]
    public async Task An_outcome_the_store_refuses_is_not_stored_and_says_whether_someone_else_changed_the_order()
    {
        _orders.NextUpdateFailure = new OrderConcurrencyException("recovery took it over");

        var end = await RunAsync(PlacementFacts.ForPlacing());

        Assert.That(end, Is.EqualTo(new PlacementEnd.NotStored(_order, ((PlacementEnd.NotStored)end).Facts, ChangedMeanwhile: true)));
    }

    [Test]
    public async Task An_outcome_is_not_stored_while_the_store_is_down()
    {
        _orders.NextUpdateFailure = new OrderStoreUnavailableException("down");

        var end = await RunAsync(PlacementFacts.ForPlacing());

        Assert.That(((PlacementEnd.NotStored)end).ChangedMeanwhile, Is.False);
    }

    [Test]
    public async Task Services_that_never_settle_what_the_policy_needs_end_in_needs_attention_after_a_bounded_number_of_steps()
    {
        // Paid for and sold, but the inventory never gives the prices the order needs to be confirmed: asking again never ends.
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(new PaymentState.Approved());
        _inventory.GetReservationAsync(default, default).ReturnsForAnyArgs(new ReservationState.Committed());

        var end = await RunAsync(PlacementFacts.ForSettling(PlacementGoal.Recover));

        Assert.That(end, Is.TypeOf<PlacementEnd.Stored>());
        Assert.That(_order.Status, Is.EqualTo(OrderStatus.NeedsAttention));
        Assert.That(_order.StatusReason, Does.Contain($"{PlacementRunner.MaxSteps} steps"));
        Assert.That(_inventory.ReceivedCalls().Count() + _payment.ReceivedCalls().Count(), Is.EqualTo(PlacementRunner.MaxSteps));
    }

    private Task<PlacementEnd> RunAsync(PlacementFacts facts) => _runner.RunAsync(_order, facts, CancellationToken.None);

    private async Task<Order> ConfirmedOrderAsync()
    {
        await RunAsync(PlacementFacts.ForPlacing());
        _inventory.ClearReceivedCalls();
        _payment.ClearReceivedCalls();
        return _order;
    }

    private static Func<long> CountAttention()
    {
        long count = 0;
        var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            if (instrument.Meter.Name == OrdersTelemetry.MeterName && instrument.Name == "orders.attention")
            {
                meterListener.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref count, value));
        listener.Start();
        return () =>
        {
            listener.Dispose();
            return Interlocked.Read(ref count);
        };
    }

    private sealed class CountingLogger : ILogger<PlacementRunner>
    {
        public int Errors { get; private set; }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Error)
            {
                Errors++;
            }
        }
    }
}
