using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MongoDB.Driver;
using Orders.InventoryHost.Configuration;
using Orders.InventoryHost.Stock.Storage;

namespace Orders.InventoryHost.Stock;

/// <summary>
/// At start, puts the configured products into an empty store. Insert-only, so it never overwrites stock; two instances
/// starting at once both try, and the second one's inserts fail harmlessly on the product ids.
/// </summary>
public sealed partial class StockSeeder(IMongoDatabase database, IOptions<StockSeedOptions> options, ILogger<StockSeeder> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => SeedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Returns how many products this call inserted.</summary>
    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        var products = StockCollections.ProductsOf(database);
        if (options.Value.Products.Count == 0 || await products.Find(FilterDefinition<ProductDocument>.Empty).AnyAsync(cancellationToken))
        {
            LogNotSeeded();
            return 0;
        }

        var seed = options.Value.Products.Select(p => new ProductDocument
        {
            Id = p.Id,
            Name = p.Name,
            UnitPrice = p.UnitPrice,
            Currency = p.Currency,
            Available = p.Available,
        }).ToList();
        int inserted;
        try
        {
            await products.InsertManyAsync(seed, new InsertManyOptions { IsOrdered = false }, cancellationToken);
            inserted = seed.Count;
        }
        catch (MongoBulkWriteException<ProductDocument> e) when (e.WriteErrors.All(w => w.Category == ServerErrorCategory.DuplicateKey))
        {
            inserted = seed.Count - e.WriteErrors.Count;
        }

        LogSeeded(inserted);
        return inserted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stock not seeded: the store already has products or none are configured")]
    private partial void LogNotSeeded();

    [LoggerMessage(Level = LogLevel.Information, Message = "Stock seeded with {ProductCount} products")]
    private partial void LogSeeded(int productCount);
}
