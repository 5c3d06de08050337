using MongoDB.Bson;
using Orders.InventoryHost.Stock;

namespace Orders.InventoryHost.Tests.Stock;

/// <summary>
/// A Reserve or Release that died between its single-document writes, picked up by the next call, on reservations stored
/// pending as Reserve did before it decided in one insert (such documents may still be in a store).
/// </summary>
public sealed class CrashRecoveryTests : LedgerTest
{
    [SetUp]
    public async Task LeaveReservationR1HalfDone()
    {
        await ListAsync("p1", stock: 10, unitPrice: 9.99m);
        await ListAsync("p2", stock: 10, unitPrice: 19.50m);
        await InsertReservationAsync("r1", "pending", ("p1", 3), ("p2", 2));
        await HoldDirectlyAsync("p1", "r1", 3);
    }

    [Test]
    public async Task A_replayed_reserve_finishes_a_pending_reservation_without_taking_the_held_line_twice()
    {
        var result = await ReserveAsync("r1", ("p1", 3), ("p2", 2));

        Assert.That(result.Value, Is.TypeOf<ReserveOutcome.Reserved>());
        Assert.Multiple(async () =>
        {
            Assert.That(((ReserveOutcome.Reserved)result.Value).Lines, Is.EqualTo(new[]
            {
                new ReservedLine("p1", 3, new Price(9.99m, Currency)),
                new ReservedLine("p2", 2, new Price(19.50m, Currency)),
            }));
            Assert.That(await AvailableAsync("p1"), Is.EqualTo(7));
            Assert.That(await AvailableAsync("p2"), Is.EqualTo(8));
            Assert.That(await HoldsAsync("p1"), Is.EqualTo(new[] { ("r1", 3) }));
            Assert.That(await StoredStatusAsync("r1"), Is.EqualTo("reserved"));
        });
    }

    [Test]
    public async Task A_replayed_reserve_that_finds_a_line_short_gives_back_the_line_held_before_the_crash()
    {
        await Catalog.SetStockAsync("p2", 1, CancellationToken.None);

        var result = await ReserveAsync("r1", ("p1", 3), ("p2", 2));

        Assert.That(result.Value, Is.TypeOf<ReserveOutcome.Rejected>());
        Assert.That(((ReserveOutcome.Rejected)result.Value).Shortages, Is.EqualTo(new[] { new StockShortage("p2", 2, 1) }));
        Assert.That(await AvailableAsync("p1"), Is.EqualTo(10));
        Assert.That(await HoldsAsync("p1"), Is.Empty);
    }

    [Test]
    public async Task Release_undoes_a_pending_reservation_and_a_later_replay_takes_nothing()
    {
        var released = await Ledger.ReleaseAsync("r1", CancellationToken.None);
        var replay = await ReserveAsync("r1", ("p1", 3), ("p2", 2));

        Assert.Multiple(async () =>
        {
            Assert.That(released.Value, Is.EqualTo(ReservationStatus.Released));
            Assert.That(replay.Failure?.Kind, Is.EqualTo(StockFailureKind.WrongState));
            Assert.That(await AvailableAsync("p1"), Is.EqualTo(10));
            Assert.That(await AvailableAsync("p2"), Is.EqualTo(10));
            Assert.That(await HoldsAsync("p1"), Is.Empty);
            Assert.That(await HoldsAsync("p2"), Is.Empty);
        });
    }

    [Test]
    public async Task Commit_of_a_pending_reservation_is_refused()
    {
        var result = await Ledger.CommitAsync("r1", CancellationToken.None);

        Assert.That(result.Failure?.Kind, Is.EqualTo(StockFailureKind.WrongState));
        Assert.That(await AvailableAsync("p1"), Is.EqualTo(7));
    }

    [Test]
    public async Task Release_again_finishes_a_release_that_crashed_after_flipping_the_status()
    {
        await Reservations.UpdateOneAsync(new BsonDocument("_id", "r1"), new BsonDocument("$set", new BsonDocument("status", "released")));

        var result = await Ledger.ReleaseAsync("r1", CancellationToken.None);

        Assert.That(result.Value, Is.EqualTo(ReservationStatus.Released));
        Assert.That(await AvailableAsync("p1"), Is.EqualTo(10));
        Assert.That(await HoldsAsync("p1"), Is.Empty);
    }

    private async Task InsertReservationAsync(string reservationId, string status, params (string ProductId, int Quantity)[] lines)
    {
        var now = DateTime.UtcNow;
        await Reservations.InsertOneAsync(new BsonDocument
        {
            { "_id", reservationId },
            { "lines", new BsonArray(lines.Select(l => new BsonDocument { { "product_id", l.ProductId }, { "quantity", l.Quantity } })) },
            { "status", status },
            { "created_at", now },
            { "updated_at", now },
        });
    }

    [Test]
    public async Task Committed_holds_of_a_host_that_stopped_before_its_sweep_are_dropped_at_the_next_start_and_open_ones_stay()
    {
        await InsertReservationAsync("r2", "committed", ("p1", 2));
        await HoldDirectlyAsync("p1", "r2", 2);
        await InsertReservationAsync("r3", "returned", ("p2", 1));
        await HoldDirectlyAsync("p2", "r3", 1);

        var dropped = await new CommittedHolds(Database).DropLeftoversAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(dropped, Is.EqualTo(2));
            Assert.That(await HoldsAsync("p1"), Is.EqualTo(new[] { ("r1", 3) }));
            Assert.That(await HoldsAsync("p2"), Is.Empty);
            Assert.That(await AvailableAsync("p1"), Is.EqualTo(5), "a dropped committed hold gives nothing back");
        });
    }
}
