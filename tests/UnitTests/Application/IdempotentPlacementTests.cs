using NSubstitute;
using Orders.Application.Abstractions;
using Orders.Application.Orders.CreateOrder;
using Orders.Domain.Orders;

namespace Orders.UnitTests.Application;

public sealed class IdempotentPlacementTests
{
    private static readonly TimeSpan ShortWait = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);
    private static readonly IdempotencyKey Key = new("key-1");

    private IOrderRepository _orders = null!;

    [SetUp]
    public void SetUp() => _orders = Substitute.For<IOrderRepository>();

    [Test]
    public async Task A_new_key_is_claimed_by_storing_the_order()
    {
        var order = Keyed("fingerprint");
        _orders.TryAddAsync(order, Arg.Any<CancellationToken>()).Returns(true);

        var claim = await Placement().ClaimAsync(order, CancellationToken.None);

        Assert.That(claim, Is.TypeOf<IdempotencyClaim.Claimed>());
        await _orders.Received(1).TryAddAsync(order, Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task Losing_the_race_on_the_unique_index_replays_the_winners_order()
    {
        var winner = Finished(Keyed("fingerprint"));
        var loser = Keyed("fingerprint");
        _orders.FindByIdempotencyKeyAsync(loser.UserId, Key, Arg.Any<CancellationToken>()).Returns(null, winner);
        _orders.TryAddAsync(loser, Arg.Any<CancellationToken>()).Returns(false);

        var claim = await Placement().ClaimAsync(loser, CancellationToken.None);

        Assert.That(claim, Is.EqualTo(new IdempotencyClaim.Replay(winner)));
    }

    [Test]
    public async Task A_replay_waits_for_the_first_order_still_being_placed_and_then_returns_it()
    {
        var first = Keyed("fingerprint");
        var finished = Finished(Keyed("fingerprint"));
        _orders.FindByIdempotencyKeyAsync(first.UserId, Key, Arg.Any<CancellationToken>()).Returns(first);
        _orders.ReadAsync(first.Id, Arg.Any<CancellationToken>()).Returns(first, first, finished);

        var claim = await Placement().ClaimAsync(Keyed("fingerprint"), CancellationToken.None);

        Assert.That(claim, Is.EqualTo(new IdempotencyClaim.Replay(finished)));
        await _orders.DidNotReceiveWithAnyArgs().TryAddAsync(default!, default);
    }

    [Test]
    public async Task A_replay_whose_first_order_stays_pending_past_the_wait_is_in_progress()
    {
        var first = Keyed("fingerprint");
        _orders.FindByIdempotencyKeyAsync(first.UserId, Key, Arg.Any<CancellationToken>()).Returns(first);
        _orders.ReadAsync(first.Id, Arg.Any<CancellationToken>()).Returns(first);

        var claim = await Placement().ClaimAsync(Keyed("fingerprint"), CancellationToken.None);

        Assert.That(claim, Is.EqualTo(new IdempotencyClaim.InProgress(first.Id)));
    }

    [Test]
    public async Task A_key_held_by_another_request_body_is_reused_and_nothing_is_stored()
    {
        var first = Finished(Keyed("fingerprint-a"));
        _orders.FindByIdempotencyKeyAsync(first.UserId, Key, Arg.Any<CancellationToken>()).Returns(first);

        var claim = await Placement().ClaimAsync(Keyed("fingerprint-b"), CancellationToken.None);

        Assert.That(claim, Is.TypeOf<IdempotencyClaim.KeyReused>());
        await _orders.DidNotReceiveWithAnyArgs().TryAddAsync(default!, default);
    }

    private IdempotentPlacement Placement() => new(_orders, ShortWait, Poll);

    private static Order Keyed(string fingerprint) =>
        Order.Place(OrderId.New(), new UserId("u1"), [new(new ProductId("p1"), 1)], OrderFixtures.Placed, Key, fingerprint);

    private static Order Finished(Order order)
    {
        order.Reject("insufficient stock of p1", OrderFixtures.Placed);
        return order;
    }
}
