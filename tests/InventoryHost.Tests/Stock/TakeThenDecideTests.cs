using MongoDB.Bson;
using Orders.InventoryHost.Stock;

namespace Orders.InventoryHost.Tests.Stock;

/// <summary>
/// A Reserve takes stock first and then stores its reservation in one insert, which decides. Between the two, another
/// call of the same id may store it first, or the Reserve may stop: what it took is then carried on or given back.
/// </summary>
public sealed class TakeThenDecideTests : LedgerTest
{
    [SetUp]
    public async Task ListTwoProducts()
    {
        await ListAsync("p1", stock: 10, unitPrice: 9.99m);
        await ListAsync("p2", stock: 10, unitPrice: 19.50m);
    }

    [Test]
    public async Task A_replay_of_a_reserve_that_stopped_after_taking_stock_counts_that_stock_and_takes_the_rest_once()
    {
        await HoldDirectlyAsync("p1", "r1", 3, token: "stopped");

        var result = await ReserveAsync("r1", ("p1", 3), ("p2", 2));

        Assert.That(result.Value, Is.TypeOf<ReserveOutcome.Reserved>());
        Assert.Multiple(async () =>
        {
            Assert.That(await AvailableAsync("p1"), Is.EqualTo(7));
            Assert.That(await AvailableAsync("p2"), Is.EqualTo(8));
            Assert.That(await HoldsAsync("p1"), Is.EqualTo(new[] { ("r1", 3) }));
            Assert.That(await StoredStatusAsync("r1"), Is.EqualTo("reserved"));
        });
        await AssertStockBalancedAsync("p1", stockPutIn: 10);
    }

    [Test]
    public async Task Release_of_an_id_whose_reserve_stopped_after_taking_stock_gives_that_stock_back_and_a_late_replay_takes_nothing()
    {
        await HoldDirectlyAsync("p1", "r1", 3, token: "stopped");

        var released = await Ledger.ReleaseAsync("r1", CancellationToken.None);
        var availableOnceReleased = await AvailableAsync("p1");
        var replay = await ReserveAsync("r1", ("p1", 3), ("p2", 2));

        Assert.Multiple(async () =>
        {
            Assert.That(released.Succeeded && released.Value is null, Is.True, "no reservation was stored");
            Assert.That(availableOnceReleased, Is.EqualTo(10));
            Assert.That(replay.Failure?.Kind, Is.EqualTo(StockFailureKind.WrongState));
            Assert.That(await AvailableAsync("p1"), Is.EqualTo(10));
            Assert.That(await AvailableAsync("p2"), Is.EqualTo(10));
            Assert.That(await HoldsAsync("p1"), Is.Empty);
            Assert.That(await HoldsAsync("p2"), Is.Empty);
        });
    }

    [Test]
    public async Task A_replay_after_the_commit_and_its_sweep_answers_the_first_outcome_and_keeps_nothing_it_took()
    {
        var first = await ReserveAsync("r1", ("p1", 3));
        await Ledger.CommitAsync("r1", CancellationToken.None);
        await CommittedHolds.DropAsync(CancellationToken.None);

        var replay = await ReserveAsync("r1", ("p1", 3));

        Assert.Multiple(async () =>
        {
            Assert.That(((ReserveOutcome.Reserved)replay.Value).Lines, Is.EqualTo(((ReserveOutcome.Reserved)first.Value).Lines));
            Assert.That(await AvailableAsync("p1"), Is.EqualTo(7));
            Assert.That(await HoldsAsync("p1"), Is.Empty);
            Assert.That(await StoredStatusAsync("r1"), Is.EqualTo("committed"));
        });
        await AssertStockBalancedAsync("p1", stockPutIn: 10);
    }

    [Test]
    public async Task A_reserve_that_loses_to_a_reservation_counting_on_the_hold_it_took_leaves_that_stock_sold()
    {
        var stored = 0;
        var (ledger, _) = WatchedLedger(beforeSend: command =>
        {
            // Just before this call's insert, another call of r1 that found this call's hold stores r1, which is committed.
            if (command.CommandName == "insert" && Interlocked.Exchange(ref stored, 1) == 0)
            {
                var token = HoldTokenAsync("p1", "r1").GetAwaiter().GetResult();
                Reservations.InsertOne(Committed("r1", ("p1", 3, token)));
            }
        });

        var result = await ledger.ReserveAsync("r1", [new("p1", 3)], CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(result.Value, Is.TypeOf<ReserveOutcome.Reserved>());
            Assert.That(await AvailableAsync("p1"), Is.EqualTo(7), "the sold units stay taken");
            Assert.That(await HoldsAsync("p1"), Is.Empty, "the hold, now sold, is dropped");
        });
        await AssertStockBalancedAsync("p1", stockPutIn: 10);
    }

    [Test]
    public async Task A_reserve_that_finds_its_id_holding_a_product_for_another_quantity_is_a_conflict_and_keeps_nothing_it_took()
    {
        await HoldDirectlyAsync("p2", "r1", 5, token: "other");

        var result = await ReserveAsync("r1", ("p1", 3), ("p2", 2));

        Assert.Multiple(async () =>
        {
            Assert.That(result.Failure?.Kind, Is.EqualTo(StockFailureKind.Conflict));
            Assert.That(await AvailableAsync("p1"), Is.EqualTo(10));
            Assert.That(await HoldsAsync("p2"), Is.EqualTo(new[] { ("r1", 5) }), "the other call's hold is its own to settle");
            Assert.That(await Ledger.GetReservationAsync("r1", CancellationToken.None), Is.Null);
        });
    }

    [Test]
    public async Task A_reserve_that_finds_a_clash_on_its_first_line_reads_no_further_line()
    {
        await HoldDirectlyAsync("p1", "r1", 5, token: "other");
        var (ledger, commands) = WatchedLedger();

        var result = await ledger.ReserveAsync("r1", [new("p1", 3), new("p2", 2)], CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(result.Failure?.Kind, Is.EqualTo(StockFailureKind.Conflict));
            Assert.That(commands.Sent, Is.EqualTo(new[] { "findAndModify", "find" }), "the take of p1, then the look that finds the clash");
            Assert.That(await AvailableAsync("p2"), Is.EqualTo(10));
        });
    }

    private static BsonDocument Committed(string reservationId, params (string ProductId, int Quantity, string Token)[] lines)
    {
        var now = DateTime.UtcNow;
        return new BsonDocument
        {
            { "_id", reservationId },
            {
                "lines", new BsonArray(lines.Select(l => new BsonDocument
                {
                    { "product_id", l.ProductId }, { "quantity", l.Quantity }, { "unit_price", new Decimal128(9.99m) }, { "currency", Currency },
                    { "hold_token", l.Token },
                }))
            },
            { "status", "committed" },
            { "created_at", now },
            { "updated_at", now },
        };
    }
}
