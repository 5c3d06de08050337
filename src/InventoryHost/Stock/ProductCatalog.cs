using Microsoft.Extensions.Logging;
using MongoDB.Driver;
using Orders.InventoryHost.Stock.Storage;

namespace Orders.InventoryHost.Stock;

/// <summary>The products on sale: their names, prices and the units nobody holds. Reservations are the <see cref="StockLedger"/>'s.</summary>
public sealed partial class ProductCatalog
{
    private const int DuplicateKeyCode = 11000;

    private readonly IMongoCollection<ProductDocument> _products;
    private readonly ILogger<ProductCatalog> _logger;

    public ProductCatalog(IMongoDatabase database, ILogger<ProductCatalog> logger)
    {
        _products = StockCollections.ProductsOf(database);
        _logger = logger;
    }

    /// <summary>The products with these ids, in id order; unknown ids are left out.</summary>
    public async Task<IReadOnlyList<Product>> GetProductsAsync(IEnumerable<string> productIds, CancellationToken cancellationToken)
    {
        var found = await _products.Find(ProductWrites.ByIds(productIds.Distinct(StringComparer.Ordinal)))
            .Project<ProductDocument>(ProductWrites.WithoutBookkeeping)
            .Sort(ProductWrites.ByIdAscending)
            .ToListAsync(cancellationToken);
        return [.. found.Select(p => p.ToProduct())];
    }

    /// <summary>Creates a product with its initial stock, or renames and reprices an existing one (its stock untouched).</summary>
    public async Task<StockResult<Product>> UpsertProductAsync(ProductListing listing, CancellationToken cancellationToken)
    {
        if (ReservationRules.CheckListing(listing) is { } invalid)
        {
            return invalid;
        }

        var update = ProductWrites.List(listing);
        var options = new FindOneAndUpdateOptions<ProductDocument>
        {
            IsUpsert = true,
            ReturnDocument = ReturnDocument.After,
            Projection = ProductWrites.WithoutBookkeeping,
        };
        ProductDocument stored;
        try
        {
            stored = await _products.FindOneAndUpdateAsync(ProductWrites.ById(listing.ProductId), update, options, cancellationToken);
        }
        catch (MongoCommandException e) when (e.Code == DuplicateKeyCode)
        {
            // Two upserts of a new id raced and the other inserted it: now it exists, so this one is a plain update.
            stored = await _products.FindOneAndUpdateAsync(ProductWrites.ById(listing.ProductId), update, options, cancellationToken);
        }

        LogListed(listing.ProductId, listing.UnitPrice.Amount, listing.UnitPrice.Currency);
        return stored.ToProduct();
    }

    /// <summary>Sets the units of an existing product that nobody holds.</summary>
    public async Task<StockResult<Product>> SetStockAsync(string productId, int available, CancellationToken cancellationToken)
    {
        if ((ReservationRules.CheckId("product id", productId) ?? ReservationRules.CheckStock(available)) is { } invalid)
        {
            return invalid;
        }

        var stored = await _products.FindOneAndUpdateAsync(
            ProductWrites.ById(productId),
            ProductWrites.SetStock(available),
            new FindOneAndUpdateOptions<ProductDocument> { ReturnDocument = ReturnDocument.After, Projection = ProductWrites.WithoutBookkeeping },
            cancellationToken);
        if (stored is null)
        {
            return new StockFailure(StockFailureKind.NotFound, $"product {productId} does not exist");
        }

        LogStockSet(productId, available);
        return stored.ToProduct();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Product {ProductId} listed at {UnitPrice} {Currency}")]
    private partial void LogListed(string productId, decimal unitPrice, string currency);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stock of product {ProductId} set to {Available}")]
    private partial void LogStockSet(string productId, int available);
}
