using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Orders.Application.Abstractions;
using Orders.Application.Orders.CreateOrder;
using Orders.Application.Orders.Placement;
using Orders.Domain.Common;
using Orders.Domain.Orders;

namespace Orders.UnitTests.Application;

public sealed class IdempotentCreateOrderTests
{
    private static readonly CreateOrderCommand Keyed = new("u1", [new("p1", 2)], "key-1");

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
        _inventory.ReserveAsync(default, default!, default)
            .ReturnsForAnyArgs(new ReservationState.Reserved { Prices = [new(new ProductId("p1"), new Money(10m, "EUR"))] });
        _inventory.CommitAsync(default, default).ReturnsForAnyArgs(new ReservationState.Committed());
        _payment.ChargeAsync(default!, default).ReturnsForAnyArgs(new PaymentState.Approved());
        var clock = Substitute.For<IClock>();
        clock.UtcNow.Returns(OrderFixtures.Placed);
        var runner = new PlacementRunner(_inventory, _payment, _orders, clock, NullLogger<PlacementRunner>.Instance);
        _handler = new CreateOrderHandler(runner, _orders, clock, NullLogger<CreateOrderHandler>.Instance);
    }

    [Test]
    public async Task Create_order_with_a_new_key_stores_the_key_and_the_request_fingerprint()
    {
        var result = await _handler.Handle(Keyed, CancellationToken.None);

        Assert.That(result, Is.TypeOf<CreateOrderResult.Confirmed>());
        Assert.Multiple(() =>
        {
            Assert.That(_orders.Order!.IdempotencyKey, Is.EqualTo(new IdempotencyKey("key-1")));
            Assert.That(_orders.Order.RequestFingerprint, Is.EqualTo(RequestFingerprint.Of(Keyed)));
        });
    }

    [Test]
    public async Task Create_order_replayed_with_the_same_key_and_body_returns_the_first_order_without_reserving_or_charging_again()
    {
        var first = (CreateOrderResult.Confirmed)await _handler.Handle(Keyed, CancellationToken.None);
        _inventory.ClearReceivedCalls();
        _payment.ClearReceivedCalls();

        var replay = await _handler.Handle(Keyed, CancellationToken.None);

        var replayed = (CreateOrderResult.Replayed)replay;
        Assert.That((replayed.Order.Id, replayed.Order.Status, replayed.Order.Total), Is.EqualTo((first.Order.Id, "confirmed", 20m)));
        await _inventory.DidNotReceiveWithAnyArgs().ReserveAsync(default, default!, default);
        await _payment.DidNotReceiveWithAnyArgs().ChargeAsync(default!, default);
    }

    [Test]
    public async Task Create_order_replay_with_the_items_in_another_order_is_the_same_request()
    {
        var twoLines = new CreateOrderCommand("u1", [new("p1", 2), new("p2", 1)], "key-1");
        _inventory.ReserveAsync(default, default!, default).ReturnsForAnyArgs(new ReservationState.Reserved
        {
            Prices = [new(new ProductId("p1"), new Money(10m, "EUR")), new(new ProductId("p2"), new Money(1m, "EUR"))],
        });
        await _handler.Handle(twoLines, CancellationToken.None);

        var replay = await _handler.Handle(twoLines with { Items = [new("p2", 1), new("p1", 2)] }, CancellationToken.None);

        Assert.That(replay, Is.TypeOf<CreateOrderResult.Replayed>());
        await _inventory.ReceivedWithAnyArgs(1).ReserveAsync(default, default!, default);
    }

    [Test]
    public async Task Create_order_with_a_used_key_and_another_body_is_refused_and_does_nothing()
    {
        await _handler.Handle(Keyed, CancellationToken.None);
        _inventory.ClearReceivedCalls();

        var result = await _handler.Handle(Keyed with { Items = [new("p1", 3)] }, CancellationToken.None);

        Assert.That(result, Is.EqualTo(new CreateOrderResult.IdempotencyKeyReused("key-1")));
        await _inventory.DidNotReceiveWithAnyArgs().ReserveAsync(default, default!, default);
    }

    [Test]
    public async Task The_same_key_from_another_user_places_another_order()
    {
        var first = (CreateOrderResult.Confirmed)await _handler.Handle(Keyed, CancellationToken.None);
        _orders.Earlier.Add(_orders.Order!);

        var other = await _handler.Handle(Keyed with { UserId = "u2" }, CancellationToken.None);

        Assert.That(other, Is.TypeOf<CreateOrderResult.Confirmed>());
        Assert.That(((CreateOrderResult.Confirmed)other).Order.Id, Is.Not.EqualTo(first.Order.Id));
    }

    [Test]
    public async Task Create_order_without_a_key_places_a_new_order_every_time()
    {
        var unkeyed = Keyed with { IdempotencyKey = null };
        var first = (CreateOrderResult.Confirmed)await _handler.Handle(unkeyed, CancellationToken.None);
        _orders.Earlier.Add(_orders.Order!);

        var second = (CreateOrderResult.Confirmed)await _handler.Handle(unkeyed, CancellationToken.None);

        Assert.That(second.Order.Id, Is.Not.EqualTo(first.Order.Id));
        await _inventory.ReceivedWithAnyArgs(2).ReserveAsync(default, default!, default);
    }
}
