using MongoDB.Bson;
using Orders.InventoryHost.Stock;

namespace Orders.InventoryHost.Tests.Stock;

/// <summary>Return: a committed reservation's units go back to available stock, once, whatever is repeated or interrupted.</summary>
public sealed class ReturnTests : LedgerTest
{
    [SetUp]
    public async Task SellFourOfP1AndTwoOfP2()
    {
        await ListAsync("p1", stock: 10);
        await ListAsync("p2", stock: 5);
        await ReserveAsync("r1", ("p1", 4), ("p2", 2));
        var committed = await Ledger.CommitAsync("r1", CancellationToken.None);
        Assert.That(committed.Value, Is.EqualTo(ReservationStatus.Committed));
    }

    [Test]
    public async Task Return_of_a_committed_reservation_makes_its_units_available_again()
    {
        var result = await Ledger.ReturnAsync("r1", CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(result.Value, Is.EqualTo(ReservationStatus.Returned));
            Assert.That(await AvailableAsync("p1"), Is.EqualTo(10));
            Assert.That(await AvailableAsync("p2"), Is.EqualTo(5));
            Assert.That(await StoredStatusAsync("r1"), Is.EqualTo("returned"));
        });
    }

    [Test]
    public async Task Return_twice_gives_the_units_back_once()
    {
        await Ledger.ReturnAsync("r1", CancellationToken.None);

        var second = await Ledger.ReturnAsync("r1", CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(second.Value, Is.EqualTo(ReservationStatus.Returned));
            Assert.That(await AvailableAsync("p1"), Is.EqualTo(10));
            Assert.That(await AvailableAsync("p2"), Is.EqualTo(5));
        });
    }

    [Test]
    public async Task Concurrent_returns_give_the_units_back_once()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Ledger.ReturnAsync("r1", CancellationToken.None)));

        Assert.Multiple(async () =>
        {
            Assert.That(results.Select(r => r.Value), Is.All.EqualTo(ReservationStatus.Returned));
            Assert.That(await AvailableAsync("p1"), Is.EqualTo(10));
            Assert.That(await AvailableAsync("p2"), Is.EqualTo(5));
        });
    }

    [Test]
    public async Task Return_again_finishes_a_return_that_crashed_after_flipping_the_status()
    {
        await Reservations.UpdateOneAsync(new BsonDocument("_id", "r1"), new BsonDocument("$set", new BsonDocument("status", "returned")));

        var result = await Ledger.ReturnAsync("r1", CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(result.Value, Is.EqualTo(ReservationStatus.Returned));
            Assert.That(await AvailableAsync("p1"), Is.EqualTo(10));
            Assert.That(await AvailableAsync("p2"), Is.EqualTo(5));
        });
    }

    [Test]
    public async Task Return_again_after_a_crash_between_products_gives_back_only_the_product_left_over()
    {
        await Reservations.UpdateOneAsync(new BsonDocument("_id", "r1"), new BsonDocument("$set", new BsonDocument("status", "returned")));
        await Products.UpdateOneAsync(
            new BsonDocument("_id", "p1"),
            new BsonDocument
            {
                { "$inc", new BsonDocument("available", 4) },
                { "$push", new BsonDocument("returned_reservation_ids", "r1") },
            });

        await Ledger.ReturnAsync("r1", CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(await AvailableAsync("p1"), Is.EqualTo(10));
            Assert.That(await AvailableAsync("p2"), Is.EqualTo(5));
        });
    }

    [Test]
    public async Task Return_of_a_reserved_but_uncommitted_reservation_is_refused_and_changes_nothing()
    {
        await ReserveAsync("r2", ("p1", 3));

        var result = await Ledger.ReturnAsync("r2", CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(result.Failure?.Kind, Is.EqualTo(StockFailureKind.WrongState));
            Assert.That(await StoredStatusAsync("r2"), Is.EqualTo("reserved"));
            Assert.That(await AvailableAsync("p1"), Is.EqualTo(3));
            Assert.That((await HoldsAsync("p1")).Where(h => h.ReservationId != "r1"), Is.EqualTo(new[] { ("r2", 3) }), "beside r1's committed hold");
        });
    }

    [Test]
    public async Task Return_of_an_unknown_reservation_is_not_found()
    {
        var result = await Ledger.ReturnAsync("never-reserved", CancellationToken.None);

        Assert.That(result.Failure?.Kind, Is.EqualTo(StockFailureKind.NotFound));
        Assert.That(await AvailableAsync("p1"), Is.EqualTo(6));
    }

    [Test]
    public async Task Release_and_commit_after_return_are_refused_and_the_stock_stays_returned()
    {
        await Ledger.ReturnAsync("r1", CancellationToken.None);

        var release = await Ledger.ReleaseAsync("r1", CancellationToken.None);
        var commit = await Ledger.CommitAsync("r1", CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(release.Failure?.Kind, Is.EqualTo(StockFailureKind.WrongState));
            Assert.That(commit.Failure?.Kind, Is.EqualTo(StockFailureKind.WrongState));
            Assert.That(await AvailableAsync("p1"), Is.EqualTo(10));
        });
    }

    [Test]
    public async Task A_replayed_reserve_after_return_answers_its_first_outcome_and_takes_nothing()
    {
        await Ledger.ReturnAsync("r1", CancellationToken.None);

        var replay = await ReserveAsync("r1", ("p1", 4), ("p2", 2));

        Assert.That(replay.Value, Is.TypeOf<ReserveOutcome.Reserved>());
        Assert.That(await AvailableAsync("p1"), Is.EqualTo(10));
    }

    [Test]
    public async Task Products_read_after_a_return_show_the_stock_without_the_bookkeeping()
    {
        await Ledger.ReturnAsync("r1", CancellationToken.None);

        var products = await Catalog.GetProductsAsync(["p1", "p2"], CancellationToken.None);

        Assert.That(products.Select(p => (p.ProductId, p.Available)), Is.EqualTo(new[] { ("p1", 10), ("p2", 5) }));
    }
}
