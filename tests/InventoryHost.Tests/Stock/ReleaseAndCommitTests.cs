using Orders.InventoryHost.Stock;

namespace Orders.InventoryHost.Tests.Stock;

public sealed class ReleaseAndCommitTests : LedgerTest
{
    [Test]
    public async Task Release_twice_restores_the_stock_once()
    {
        await ListAsync("p1", stock: 10);
        await ReserveAsync("r1", ("p1", 4));

        var first = await Ledger.ReleaseAsync("r1", CancellationToken.None);
        var second = await Ledger.ReleaseAsync("r1", CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(first.Value, Is.EqualTo(ReservationStatus.Released));
            Assert.That(second.Value, Is.EqualTo(ReservationStatus.Released));
            Assert.That(await AvailableAsync("p1"), Is.EqualTo(10));
            Assert.That(await HoldsAsync("p1"), Is.Empty);
        });
    }

    [Test]
    public async Task Release_of_an_unknown_reservation_takes_nothing_back()
    {
        await ListAsync("p1", stock: 10);

        var result = await Ledger.ReleaseAsync("never-reserved", CancellationToken.None);

        Assert.That(result.Succeeded, Is.True);
        Assert.That(result.Value, Is.Null);
        Assert.That(await AvailableAsync("p1"), Is.EqualTo(10));
    }

    [Test]
    public async Task A_reserve_arriving_after_the_release_of_its_id_takes_nothing()
    {
        await ListAsync("p1", stock: 10);
        await Ledger.ReleaseAsync("late", CancellationToken.None);

        var late = await Ledger.ReserveAsync("late", [new RequestedLine("p1", 4)], CancellationToken.None);

        Assert.That(late.Failure?.Kind, Is.EqualTo(StockFailureKind.WrongState), "refused as too late, not as a clash of lines");
        Assert.That(await AvailableAsync("p1"), Is.EqualTo(10));
        Assert.That((await Ledger.GetReservationAsync("late", CancellationToken.None))?.Status, Is.EqualTo(ReservationStatus.Released));
        Assert.That((await Ledger.ReleaseAsync("late", CancellationToken.None)).Succeeded, Is.True, "releasing again stays a no-op");
    }

    [Test]
    public async Task Release_of_a_rejected_reservation_gives_nothing_back()
    {
        await ListAsync("p1", stock: 2);
        await ReserveAsync("r1", ("p1", 3));

        var result = await Ledger.ReleaseAsync("r1", CancellationToken.None);

        Assert.That(result.Value, Is.EqualTo(ReservationStatus.Rejected));
        Assert.That(await AvailableAsync("p1"), Is.EqualTo(2));
    }

    [Test]
    public async Task Release_after_commit_is_refused_and_the_stock_stays_sold()
    {
        await ListAsync("p1", stock: 10);
        await ReserveAsync("r1", ("p1", 4));
        await Ledger.CommitAsync("r1", CancellationToken.None);

        var result = await Ledger.ReleaseAsync("r1", CancellationToken.None);

        Assert.That(result.Failure?.Kind, Is.EqualTo(StockFailureKind.WrongState));
        Assert.That(await AvailableAsync("p1"), Is.EqualTo(6));
        await AssertStockBalancedAsync("p1", stockPutIn: 10);
    }

    [Test]
    public async Task Commit_keeps_the_stock_taken_and_queues_its_holds_to_be_dropped()
    {
        await ListAsync("p1", stock: 10);
        await ListAsync("p2", stock: 5);
        await ReserveAsync("r1", ("p1", 4), ("p2", 5));

        var result = await Ledger.CommitAsync("r1", CancellationToken.None);

        Assert.That(result.Value, Is.EqualTo(ReservationStatus.Committed));
        Assert.Multiple(async () =>
        {
            Assert.That(await AvailableAsync("p1"), Is.EqualTo(6));
            Assert.That(await AvailableAsync("p2"), Is.Zero);
            Assert.That(await StoredStatusAsync("r1"), Is.EqualTo("committed"));
            Assert.That(CommittedHolds.Waiting, Is.EqualTo(2));
        });
        await AssertStockBalancedAsync("p1", stockPutIn: 10);
        await AssertStockBalancedAsync("p2", stockPutIn: 5);
    }

    [Test]
    public async Task Dropping_committed_holds_clears_those_of_every_commit_in_one_go_and_keeps_open_ones()
    {
        await ListAsync("p1", stock: 10);
        await ListAsync("p2", stock: 5);
        await ReserveAsync("r1", ("p1", 4), ("p2", 1));
        await ReserveAsync("r2", ("p1", 1));
        await ReserveAsync("r3", ("p1", 2), ("p2", 2));
        await Ledger.CommitAsync("r1", CancellationToken.None);
        await Ledger.CommitAsync("r2", CancellationToken.None);

        var dropped = await CommittedHolds.DropAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(dropped, Is.EqualTo(3));
            Assert.That(CommittedHolds.Waiting, Is.Zero);
            Assert.That(await HoldsAsync("p1"), Is.EqualTo(new[] { ("r3", 2) }));
            Assert.That(await HoldsAsync("p2"), Is.EqualTo(new[] { ("r3", 2) }));
            Assert.That(await AvailableAsync("p1"), Is.EqualTo(3));
            Assert.That(await AvailableAsync("p2"), Is.EqualTo(2));
        });
        await AssertStockBalancedAsync("p1", stockPutIn: 10);
        await AssertStockBalancedAsync("p2", stockPutIn: 5);
    }

    [Test]
    public async Task Commit_twice_is_a_no_op()
    {
        await ListAsync("p1", stock: 10);
        await ReserveAsync("r1", ("p1", 4));
        await Ledger.CommitAsync("r1", CancellationToken.None);

        var again = await Ledger.CommitAsync("r1", CancellationToken.None);

        Assert.That(again.Value, Is.EqualTo(ReservationStatus.Committed));
        Assert.That(await AvailableAsync("p1"), Is.EqualTo(6));
    }

    [Test]
    public async Task Commit_after_release_is_refused_and_the_stock_stays_available()
    {
        await ListAsync("p1", stock: 10);
        await ReserveAsync("r1", ("p1", 4));
        await Ledger.ReleaseAsync("r1", CancellationToken.None);

        var result = await Ledger.CommitAsync("r1", CancellationToken.None);

        Assert.That(result.Failure?.Kind, Is.EqualTo(StockFailureKind.WrongState));
        Assert.That(await AvailableAsync("p1"), Is.EqualTo(10));
        Assert.That(await StoredStatusAsync("r1"), Is.EqualTo("released"));
    }

    [Test]
    public async Task Commit_of_a_rejected_reservation_is_refused()
    {
        await ListAsync("p1", stock: 1);
        await ReserveAsync("r1", ("p1", 2));

        var result = await Ledger.CommitAsync("r1", CancellationToken.None);

        Assert.That(result.Failure?.Kind, Is.EqualTo(StockFailureKind.WrongState));
    }

    [Test]
    public async Task Commit_of_an_unknown_reservation_is_not_found()
    {
        var result = await Ledger.CommitAsync("never-reserved", CancellationToken.None);

        Assert.That(result.Failure?.Kind, Is.EqualTo(StockFailureKind.NotFound));
    }

    [Test]
    public async Task Get_reservation_shows_its_status_and_priced_lines()
    {
        await ListAsync("p1", stock: 10, unitPrice: 34.90m);
        await ReserveAsync("r1", ("p1", 2));

        var reservation = await Ledger.GetReservationAsync("r1", CancellationToken.None);

        Assert.That(reservation, Is.Not.Null);
        Assert.That(reservation!.Status, Is.EqualTo(ReservationStatus.Reserved));
        Assert.That(reservation.Lines, Is.EqualTo(new[] { new ReservedLine("p1", 2, new Price(34.90m, Currency)) }));
    }
}
