using MongoDB.Bson;
using Orders.InventoryHost.Stock;

namespace Orders.InventoryHost.Tests.Stock;

/// <summary>
/// A Release that finds no reservation leaves a mark under its id; a Reserve of the same id may insert it first. The
/// release then tries again, a bounded number of times.
/// </summary>
public sealed class ReleaseRaceTests : LedgerTest
{
    [Test]
    public async Task A_release_whose_mark_clashes_with_a_reserve_started_in_between_releases_what_that_reserve_took()
    {
        await ListAsync("p1", stock: 10);
        var reserveStarted = 0;
        var (ledger, commands) = WatchedLedger(beforeSend: command =>
        {
            // The release has found no r1; just before its mark goes out, a Reserve of r1 stores it and takes a line.
            if (command.CommandName == "insert" && Interlocked.Exchange(ref reserveStarted, 1) == 0)
            {
                StartReserveDirectly("r1", "p1", 4);
            }
        });

        var released = await ledger.ReleaseAsync("r1", CancellationToken.None);
        var reserveCarriedOn = await ReserveAsync("r1", ("p1", 4));

        Assert.Multiple(async () =>
        {
            Assert.That(released.Value, Is.EqualTo(ReservationStatus.Released));
            Assert.That(commands.Sent.Count(c => c == "insert"), Is.EqualTo(1), "one mark, refused; the second attempt finds the reservation");
            Assert.That(await StoredStatusAsync("r1"), Is.EqualTo("released"));
            Assert.That(await AvailableAsync("p1"), Is.EqualTo(10));
            Assert.That(await HoldsAsync("p1"), Is.Empty);
            Assert.That(reserveCarriedOn.Failure?.Kind, Is.EqualTo(StockFailureKind.WrongState), "the reserve, carried on, takes nothing");
        });
        await AssertStockBalancedAsync("p1", stockPutIn: 10);
    }

    [Test]
    public async Task A_release_whose_mark_keeps_clashing_with_no_reservation_to_be_found_gives_up_after_its_attempts()
    {
        // A store that refuses the mark although no reservation has its id: the release must not try for ever (an
        // endless loop would end in the cancellation, not in the error the test expects).
        await Reservations.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(
            new BsonDocument("status", 1),
            new CreateIndexOptions<BsonDocument> { Unique = true, PartialFilterExpression = new BsonDocument("status", "released") }));
        await Reservations.InsertOneAsync(new BsonDocument { { "_id", "other" }, { "lines", new BsonArray() }, { "status", "released" } });
        var (ledger, commands) = WatchedLedger();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        Assert.That(
            async () => await ledger.ReleaseAsync("r1", patience.Token),
            Throws.InvalidOperationException.With.Message.Contains("r1"));
        Assert.That(commands.Sent.Count(c => c == "insert"), Is.EqualTo(StockLedger.MaxReleaseAttempts));
        Assert.That(await Ledger.GetReservationAsync("r1", CancellationToken.None), Is.Null);
    }

    /// <summary>What a Reserve stores before its second write: the pending reservation, then the hold of its first line.</summary>
    private void StartReserveDirectly(string reservationId, string productId, int quantity)
    {
        var now = DateTime.UtcNow;
        Reservations.InsertOne(new BsonDocument
        {
            { "_id", reservationId },
            { "lines", new BsonArray { new BsonDocument { { "product_id", productId }, { "quantity", quantity } } } },
            { "status", "pending" },
            { "created_at", now },
            { "updated_at", now },
        });
        Products.UpdateOne(
            new BsonDocument("_id", productId),
            new BsonDocument
            {
                { "$inc", new BsonDocument("available", -quantity) },
                { "$push", new BsonDocument("holds", new BsonDocument { { "reservation_id", reservationId }, { "quantity", quantity } }) },
            });
    }
}
