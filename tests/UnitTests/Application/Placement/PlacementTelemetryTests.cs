using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Orders.Application.Abstractions;
using Orders.Application.Common;
using Orders.Application.Orders.CreateOrder;
using Orders.Application.Orders.Placement;
using Orders.Domain.Common;
using Orders.Domain.Orders;

namespace Orders.UnitTests.Application.Placement;

/// <summary>The metrics dashboards read: how placements end, and which steps they took.</summary>
[NonParallelizable]
public sealed class PlacementTelemetryTests
{
    private static readonly PricedLine[] Prices = [new(new ProductId("p1"), new Money(10m, "EUR"))];

    private readonly ConcurrentQueue<(string Instrument, string? Unit, double Value, string? Tag)> _measured = new();
    private IInventory _inventory = null!;
    private IPayment _payment = null!;
    private CreateOrderHandler _handler = null!;
    private MeterListener _listener = null!;

    [SetUp]
    public void SetUp()
    {
        _measured.Clear();
        _inventory = Substitute.For<IInventory>();
        _payment = Substitute.For<IPayment>();
        _inventory.ReserveAsync(default, default!, default).ReturnsForAnyArgs(new ReservationState.Reserved { Prices = Prices });
        _inventory.CommitAsync(default, default).ReturnsForAnyArgs(new ReservationState.Committed());
        _inventory.ReleaseAsync(default, default).ReturnsForAnyArgs(new ReservationState.Released());
        _payment.ChargeAsync(default!, default).ReturnsForAnyArgs(new PaymentState.Approved());
        _payment.RefundAsync(default, default).ReturnsForAnyArgs(new PaymentState.Refunded());
        var orders = new RecordingOrderRepository();
        var clock = Substitute.For<IClock>();
        clock.UtcNow.Returns(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
        var runner = new PlacementRunner(_inventory, _payment, orders, clock, NullLogger<PlacementRunner>.Instance);
        _handler = new CreateOrderHandler(runner, orders, clock, NullLogger<CreateOrderHandler>.Instance);

        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == OrdersTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    [TearDown]
    public void TearDown() => _listener.Dispose();

    [Test]
    public async Task A_confirmed_placement_counts_one_confirmed_order_and_times_its_three_steps()
    {
        await PlaceAsync();

        Assert.That(Measured("orders.placed"), Is.EqualTo(new[] { ("{order}", 1.0, "confirmed") }));
        Assert.That(Measured("orders.saga.step.duration").Select(m => (m.Unit, m.Tag)), Is.EqualTo(new[] { ("s", "reserve"), ("s", "charge"), ("s", "commit") }));
    }

    [Test]
    public async Task An_undone_placement_times_its_release_and_refund_and_counts_dependency_unavailable()
    {
        _payment.ChargeAsync(default!, default).ReturnsForAnyArgs(new PaymentState.Unanswered("deadline exceeded"));

        await PlaceAsync();

        Assert.That(Measured("orders.placed").Select(m => m.Tag), Is.EqualTo(new[] { "dependency_unavailable" }));
        Assert.That(Measured("orders.saga.step.duration").Select(m => m.Tag), Is.EqualTo(new[] { "reserve", "charge", "release", "refund" }));
    }

    [Test]
    public async Task A_recovery_times_its_question_and_the_steps_that_undo_the_order()
    {
        _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(new PaymentState.None());
        var orders = new RecordingOrderRepository();
        var runner = new PlacementRunner(_inventory, _payment, orders, Substitute.For<IClock>(), NullLogger<PlacementRunner>.Instance);
        var order = Order.Place(OrderId.New(), new UserId("u1"), [new RequestedLine(new ProductId("p1"), 1)], DateTimeOffset.UnixEpoch);
        await orders.AddAsync(order, CancellationToken.None);

        await runner.RunAsync(order, PlacementFacts.ForSettling(PlacementGoal.Recover), CancellationToken.None);

        Assert.That(Measured("orders.saga.step.duration").Select(m => m.Tag), Is.EqualTo(new[] { "ask_payment", "release", "refund" }));
    }

    [TestCase("rejected", "insufficient_stock")]
    [TestCase("unknown", "unknown_products")]
    [TestCase("declined", "payment_declined")]
    [TestCase("irreconcilable", "needs_attention")]
    public async Task Each_end_of_a_placement_is_counted_under_its_own_outcome(string answer, string outcome)
    {
        switch (answer)
        {
            case "rejected":
                _inventory.ReserveAsync(default, default!, default).ReturnsForAnyArgs(new ReservationState.Rejected([new StockShortage(new ProductId("p1"), 1, 0)], []));
                break;
            case "unknown":
                _inventory.ReserveAsync(default, default!, default).ReturnsForAnyArgs(new ReservationState.Rejected([], [new ProductId("p1")]));
                break;
            case "declined":
                _payment.ChargeAsync(default!, default).ReturnsForAnyArgs(new PaymentState.Declined("card expired"));
                break;
            default:
                _payment.ChargeAsync(default!, default).ReturnsForAnyArgs(new PaymentState.Declined("card expired"));
                _payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(new PaymentState.Declined("card expired"));
                _inventory.ReleaseAsync(default, default).ReturnsForAnyArgs(new ReservationState.Committed());
                break;
        }

        await PlaceAsync();

        Assert.That(Measured("orders.placed").Select(m => m.Tag), Is.EqualTo(new[] { outcome }));
        Assert.That(Measured("orders.attention").Select(m => m.Value), Is.EqualTo(outcome == "needs_attention" ? new[] { 1.0 } : []));
    }

    [Test]
    public async Task A_replay_an_in_progress_key_and_a_reused_key_are_counted_apart()
    {
        var key = Guid.NewGuid().ToString();
        var command = new CreateOrderCommand("u1", [new CreateOrderItem("p1", 1)], key);

        await _handler.Handle(command, CancellationToken.None);
        await _handler.Handle(command, CancellationToken.None);
        await _handler.Handle(command with { Items = [new CreateOrderItem("p1", 2)] }, CancellationToken.None);

        Assert.That(Measured("orders.placed").Select(m => m.Tag), Is.EqualTo(new[] { "confirmed", "replayed", "idempotency_key_reused" }));
    }

    private Task<CreateOrderResult> PlaceAsync() =>
        _handler.Handle(new CreateOrderCommand("u1", [new CreateOrderItem("p1", 1)]), CancellationToken.None).AsTask();

    private IEnumerable<(string? Unit, double Value, string? Tag)> Measured(string instrument) =>
        _measured.Where(m => m.Instrument == instrument).Select(m => (m.Unit, m.Value, m.Tag)).ToList();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? tag = null;
        foreach (var pair in tags)
        {
            tag = pair.Key is "outcome" or "step" ? pair.Value as string : tag;
        }

        _measured.Enqueue((instrument.Name, instrument.Unit, instrument.Name == "orders.saga.step.duration" ? 0 : value, tag));
    }
}
