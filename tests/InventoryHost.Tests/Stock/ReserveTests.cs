using Orders.InventoryHost.Stock;

namespace Orders.InventoryHost.Tests.Stock;

public sealed class ReserveTests : LedgerTest
{
    [Test]
    public async Task Reserve_takes_exactly_the_reserved_quantities_and_prices_every_line()
    {
        await ListAsync("p1", stock: 10, unitPrice: 9.99m);
        await ListAsync("p2", stock: 10, unitPrice: 19.50m);

        var result = await ReserveAsync("r1", ("p2", 4), ("p1", 3));

        Assert.That(result.Value, Is.TypeOf<ReserveOutcome.Reserved>());
        var reserved = (ReserveOutcome.Reserved)result.Value;
        Assert.Multiple(async () =>
        {
            Assert.That(reserved.Lines, Is.EqualTo(new[]
            {
                new ReservedLine("p1", 3, new Price(9.99m, Currency)),
                new ReservedLine("p2", 4, new Price(19.50m, Currency)),
            }));
            Assert.That(await AvailableAsync("p1"), Is.EqualTo(7));
            Assert.That(await AvailableAsync("p2"), Is.EqualTo(6));
            Assert.That(await HoldsAsync("p1"), Is.EqualTo(new[] { ("r1", 3) }));
            Assert.That(await StoredStatusAsync("r1"), Is.EqualTo("reserved"));
        });
    }

    [Test]
    public async Task Reserve_takes_nothing_when_any_line_is_short_and_names_every_shortage_and_unknown_product()
    {
        await ListAsync("p1", stock: 10);
        await ListAsync("p2", stock: 2);
        await ListAsync("p3", stock: 1);

        var result = await ReserveAsync("r1", ("p1", 5), ("p2", 3), ("p3", 4), ("p9", 1));

        Assert.That(result.Value, Is.EqualTo(new ReserveOutcome.Rejected(
            [new StockShortage("p2", 3, 2), new StockShortage("p3", 4, 1)], ["p9"])).Using<ReserveOutcome.Rejected>(SameRejection));
        Assert.Multiple(async () =>
        {
            Assert.That(await AvailableAsync("p1"), Is.EqualTo(10), "p1 was taken before p2 turned out short, then given back");
            Assert.That(await AvailableAsync("p2"), Is.EqualTo(2));
            Assert.That(await AvailableAsync("p3"), Is.EqualTo(1));
            Assert.That(await HoldsAsync("p1"), Is.Empty);
            Assert.That(await StoredStatusAsync("r1"), Is.EqualTo("rejected"));
        });
    }

    [Test]
    public async Task Reserve_takes_nothing_when_a_product_is_unknown()
    {
        await ListAsync("p1", stock: 10);

        var result = await ReserveAsync("r1", ("p1", 1), ("p9", 1));

        Assert.That(result.Value, Is.EqualTo(new ReserveOutcome.Rejected([], ["p9"])).Using<ReserveOutcome.Rejected>(SameRejection));
        Assert.That(await AvailableAsync("p1"), Is.EqualTo(10));
        Assert.That(await HoldsAsync("p1"), Is.Empty);
    }

    [Test]
    public async Task Reserve_replayed_returns_the_same_lines_and_takes_stock_once()
    {
        await ListAsync("p1", stock: 10, unitPrice: 4.25m);
        var first = await ReserveAsync("r1", ("p1", 3));

        await ListAsync("p1", stock: 10, unitPrice: 5m);
        var replay = await ReserveAsync("r1", ("p1", 3));

        Assert.Multiple(async () =>
        {
            Assert.That(replay.Value, Is.TypeOf<ReserveOutcome.Reserved>());
            Assert.That(((ReserveOutcome.Reserved)replay.Value).Lines, Is.EqualTo(((ReserveOutcome.Reserved)first.Value).Lines));
            Assert.That(((ReserveOutcome.Reserved)replay.Value).Lines[0].UnitPrice, Is.EqualTo(new Price(4.25m, Currency)));
            Assert.That(await AvailableAsync("p1"), Is.EqualTo(7));
            Assert.That(await HoldsAsync("p1"), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Reserve_replayed_after_a_rejection_returns_the_same_rejection_even_when_stock_has_come_in()
    {
        await ListAsync("p1", stock: 1);
        var first = await ReserveAsync("r1", ("p1", 3));
        await Catalog.SetStockAsync("p1", 50, CancellationToken.None);

        var replay = await ReserveAsync("r1", ("p1", 3));

        Assert.That(replay.Value, Is.EqualTo(first.Value).Using<ReserveOutcome.Rejected>(SameRejection));
        Assert.That(await AvailableAsync("p1"), Is.EqualTo(50));
    }

    [Test]
    public async Task Reserve_with_a_used_id_and_other_lines_is_refused_as_a_conflict()
    {
        await ListAsync("p1", stock: 10);
        await ReserveAsync("r1", ("p1", 3));

        var other = await ReserveAsync("r1", ("p1", 4));

        Assert.That(other.Failure?.Kind, Is.EqualTo(StockFailureKind.Conflict));
        Assert.That(await AvailableAsync("p1"), Is.EqualTo(7));
    }

    [Test]
    public async Task Reserve_with_the_same_lines_in_another_order_is_a_replay()
    {
        await ListAsync("p1", stock: 10);
        await ListAsync("p2", stock: 10);
        await ReserveAsync("r1", ("p1", 1), ("p2", 2));

        var replay = await ReserveAsync("r1", ("p2", 2), ("p1", 1));

        Assert.That(replay.Value, Is.TypeOf<ReserveOutcome.Reserved>());
        Assert.That(await AvailableAsync("p2"), Is.EqualTo(8));
    }

    [TestCase("", "p1", 1, TestName = "Reserve_refuses_an_empty_reservation_id")]
    [TestCase("r1", "p1", 0, TestName = "Reserve_refuses_a_quantity_below_one")]
    [TestCase("r1", "p1", 10_001, TestName = "Reserve_refuses_a_quantity_above_ten_thousand")]
    [TestCase("r1", "", 1, TestName = "Reserve_refuses_an_empty_product_id")]
    [TestCase("r1", "p-this-product-id-is-much-longer-than-sixty-four-characters-in-total", 1, TestName = "Reserve_refuses_a_product_id_over_64_characters")]
    [TestCase("r-this-reservation-id-is-much-longer-than-sixty-four-characters-long", "p1", 1, TestName = "Reserve_refuses_a_reservation_id_over_64_characters")]
    public async Task Reserve_refuses_malformed_requests_without_storing_anything(string reservationId, string productId, int quantity)
    {
        await ListAsync("p1", stock: 10);

        var result = await ReserveAsync(reservationId, (productId, quantity));

        Assert.That(result.Failure?.Kind, Is.EqualTo(StockFailureKind.InvalidRequest));
        Assert.That(await Reservations.CountDocumentsAsync(FilterDefinition<MongoDB.Bson.BsonDocument>.Empty), Is.Zero);
        Assert.That(await AvailableAsync("p1"), Is.EqualTo(10));
    }

    [Test]
    public async Task Reserve_refuses_a_request_without_lines()
    {
        var result = await ReserveAsync("r1");

        Assert.That(result.Failure?.Kind, Is.EqualTo(StockFailureKind.InvalidRequest));
    }

    [Test]
    public async Task Reserve_refuses_the_same_product_in_two_lines()
    {
        await ListAsync("p1", stock: 10);

        var result = await ReserveAsync("r1", ("p1", 1), ("p1", 2));

        Assert.That(result.Failure?.Kind, Is.EqualTo(StockFailureKind.InvalidRequest));
        Assert.That(await AvailableAsync("p1"), Is.EqualTo(10));
    }

    private static bool SameRejection(ReserveOutcome.Rejected actual, ReserveOutcome.Rejected expected) =>
        actual.Shortages.SequenceEqual(expected.Shortages) && actual.UnknownProductIds.SequenceEqual(expected.UnknownProductIds);
}
