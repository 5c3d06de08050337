using Orders.InventoryHost.Stock;

namespace Orders.InventoryHost.Tests.Stock;

public sealed class ConcurrencyTests : LedgerTest
{
    private const int Callers = 32;

    [Test]
    public async Task Concurrent_reserves_on_one_product_never_oversell()
    {
        const int stock = 40;
        await ListAsync("p1", stock);
        var random = new Random(20_26);
        var wanted = Enumerable.Range(0, Callers).Select(_ => random.Next(1, 6)).ToArray();
        using var done = new CancellationTokenSource();
        var lowest = WatchLowestAvailableAsync("p1", done.Token);

        var results = await Task.WhenAll(wanted.Select((quantity, i) => Task.Run(() => ReserveAsync($"r{i}", ("p1", quantity)))));
        await done.CancelAsync();

        var reserved = results.Select((r, i) => r.Value is ReserveOutcome.Reserved ? wanted[i] : 0).Sum();
        var rejections = results.Select(r => r.Value).OfType<ReserveOutcome.Rejected>().ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(await lowest, Is.GreaterThanOrEqualTo(0), "lowest available seen while reserving");
            Assert.That(await AvailableAsync("p1") + reserved, Is.EqualTo(stock));
            Assert.That((await HoldsAsync("p1")).Sum(h => h.Quantity), Is.EqualTo(reserved));
            Assert.That(rejections, Is.Not.Empty, "demand exceeds stock, so some reservations must be rejected");
            Assert.That(rejections.SelectMany(r => r.Shortages), Has.All.Matches<StockShortage>(s => s.Available < s.Requested));
        });
        await AssertStockBalancedAsync("p1", stock);
    }

    [Test]
    public async Task Concurrent_replays_of_one_reservation_take_its_stock_once()
    {
        await ListAsync("p1", stock: 20);
        await ListAsync("p2", stock: 20);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => ReserveAsync("r1", ("p1", 3), ("p2", 4)))));

        Assert.Multiple(async () =>
        {
            Assert.That(results.Select(r => r.Value), Has.All.TypeOf<ReserveOutcome.Reserved>());
            Assert.That(await AvailableAsync("p1"), Is.EqualTo(17));
            Assert.That(await AvailableAsync("p2"), Is.EqualTo(16));
            Assert.That(await HoldsAsync("p1"), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Reserve_racing_release_of_the_same_reservation_never_leaves_a_sellable_reservation_without_its_stock()
    {
        const int stock = 1_000;
        await ListAsync("p1", stock);
        await ListAsync("p2", stock);
        var ids = Enumerable.Range(0, Callers).Select(i => $"r{i}").ToList();

        // Releases start a little later each time, so some land before, some inside and some after the reserve.
        await Task.WhenAll(ids.Select((id, i) => Task.Run(async () =>
        {
            var reserve = ReserveAsync(id, ("p1", 2), ("p2", 3));
            await Task.Delay(TimeSpan.FromMilliseconds(i % 4));
            await Task.WhenAll(reserve, Ledger.ReleaseAsync(id, CancellationToken.None));
        })));
        foreach (var id in ids)
        {
            await Ledger.CommitAsync(id, CancellationToken.None);
        }

        var released = (await Reservations.Find(new MongoDB.Bson.BsonDocument("status", "released")).ToListAsync())
            .Select(r => r["_id"].AsString).ToHashSet();
        var strayHolds = (await HoldsAsync("p1")).Concat(await HoldsAsync("p2")).Where(h => released.Contains(h.ReservationId));
        Assert.That(strayHolds, Is.Empty);
        await AssertStockBalancedAsync("p1", stock);
        await AssertStockBalancedAsync("p2", stock);
    }

    private async Task<int> WatchLowestAvailableAsync(string productId, CancellationToken stop)
    {
        var lowest = int.MaxValue;
        while (!stop.IsCancellationRequested)
        {
            lowest = Math.Min(lowest, await AvailableAsync(productId));
        }

        return lowest;
    }
}
