using Microsoft.Extensions.Logging.Abstractions;
using MongoDB.Bson;
using Orders.InventoryHost.Stock;
using Orders.InventoryHost.Stock.Storage;

namespace Orders.InventoryHost.Tests.Stock;

/// <summary>A <see cref="StockLedger"/> and its <see cref="ProductCatalog"/> on a database of their own, and ways to look at what it stored.</summary>
public abstract class LedgerTest
{
    protected const string Currency = "EUR";

    private readonly List<CommandWatch> _watches = [];
    private MongoServer _server = null!;

    protected IMongoDatabase Database { get; private set; } = null!;

    protected StockLedger Ledger { get; private set; } = null!;

    protected ProductCatalog Catalog { get; private set; } = null!;

    /// <summary>The holds the ledger's commits queued; nothing sweeps them unless a test drops them.</summary>
    protected CommittedHolds CommittedHolds { get; private set; } = null!;

    protected IMongoCollection<BsonDocument> Products => Database.GetCollection<BsonDocument>(StockCollections.Products);

    protected IMongoCollection<BsonDocument> Reservations => Database.GetCollection<BsonDocument>(StockCollections.Reservations);

    [SetUp]
    public async Task StartWithAnEmptyDatabase()
    {
        _server = await MongoServer.GetAsync();
        Database = _server.NewDatabase("ledger");
        CommittedHolds = new CommittedHolds(Database);
        Ledger = new StockLedger(Database, CommittedHolds, TimeProvider.System, NullLogger<StockLedger>.Instance);
        Catalog = new ProductCatalog(Database, NullLogger<ProductCatalog>.Instance);
    }

    [TearDown]
    public async Task DropTheDatabase()
    {
        foreach (var watch in _watches)
        {
            watch.Dispose();
        }


        if (Database is not null)
        {
            await _server.Client.DropDatabaseAsync(Database.DatabaseNamespace.DatabaseName);
        }
    }

    /// <summary>A ledger on this test's database whose commands are recorded, and may be preceded by <paramref name="beforeSend"/>.</summary>
    protected (StockLedger Ledger, CommandWatch Commands) WatchedLedger(Action<MongoDB.Driver.Core.Events.CommandStartedEvent>? beforeSend = null)
    {
        var watch = new CommandWatch(_server.ConnectionString, Database.DatabaseNamespace.DatabaseName, beforeSend);
        _watches.Add(watch);
        return (new StockLedger(watch.Database, CommittedHolds, TimeProvider.System, NullLogger<StockLedger>.Instance), watch);
    }

    protected async Task ListAsync(string productId, int stock, decimal unitPrice = 10m)
    {
        var listed = await Catalog.UpsertProductAsync(new ProductListing(productId, $"Product {productId}", new Price(unitPrice, Currency), stock), CancellationToken.None);
        Assert.That(listed.Succeeded, Is.True, () => listed.Failure!.Message);
    }

    protected Task<StockResult<ReserveOutcome>> ReserveAsync(string reservationId, params (string ProductId, int Quantity)[] lines) =>
        Ledger.ReserveAsync(reservationId, [.. lines.Select(l => new RequestedLine(l.ProductId, l.Quantity))], CancellationToken.None);

    protected async Task<int> AvailableAsync(string productId)
    {
        var product = await Products.Find(new BsonDocument("_id", productId)).SingleAsync();
        return product["available"].ToInt32();
    }

    /// <summary>The holds on a product as (reservation id, quantity).</summary>
    protected async Task<IReadOnlyList<(string ReservationId, int Quantity)>> HoldsAsync(string productId)
    {
        var product = await Products.Find(new BsonDocument("_id", productId)).SingleAsync();
        return [.. product["holds"].AsBsonArray.Select(h => (h["reservation_id"].AsString, h["quantity"].ToInt32()))];
    }

    /// <summary>A hold as a Reserve takes it, written directly; <paramref name="token"/> null writes one older than tokens.</summary>
    protected Task HoldDirectlyAsync(string productId, string reservationId, int quantity, string? token = null)
    {
        var hold = new BsonDocument { { "reservation_id", reservationId }, { "quantity", quantity } };
        if (token is not null)
        {
            hold.Add("token", token);
        }

        return Products.UpdateOneAsync(
            new BsonDocument("_id", productId),
            new BsonDocument { { "$inc", new BsonDocument("available", -quantity) }, { "$push", new BsonDocument("holds", hold) } });
    }

    /// <summary>The token of the hold a reservation has on a product.</summary>
    protected async Task<string> HoldTokenAsync(string productId, string reservationId)
    {
        var product = await Products.Find(new BsonDocument("_id", productId)).SingleAsync();
        return product["holds"].AsBsonArray.Single(h => h["reservation_id"] == reservationId)["token"].AsString;
    }

    protected async Task<string> StoredStatusAsync(string reservationId)
    {
        var reservation = await Reservations.Find(new BsonDocument("_id", reservationId)).SingleAsync();
        return reservation["status"].AsString;
    }

    /// <summary>
    /// The ledger's invariant: available + held + sold == the stock put in, and available is never negative. Held
    /// counts the holds of unsold reservations: a committed one's hold may linger until it is swept, its units sold.
    /// </summary>
    protected async Task AssertStockBalancedAsync(string productId, int stockPutIn)
    {
        var available = await AvailableAsync(productId);
        var committed = await Reservations.Find(new BsonDocument("status", "committed")).ToListAsync();
        var committedIds = committed.Select(r => r["_id"].AsString).ToHashSet();
        var held = (await HoldsAsync(productId)).Where(h => !committedIds.Contains(h.ReservationId)).Sum(h => h.Quantity);
        var sold = committed.SelectMany(r => r["lines"].AsBsonArray)
            .Where(l => l["product_id"].AsString == productId)
            .Sum(l => l["quantity"].ToInt32());
        Assert.Multiple(() =>
        {
            Assert.That(available, Is.GreaterThanOrEqualTo(0), $"available stock of {productId}");
            Assert.That(available + held + sold, Is.EqualTo(stockPutIn), $"{productId}: available {available} + held {held} + sold {sold}");
        });
    }
}
