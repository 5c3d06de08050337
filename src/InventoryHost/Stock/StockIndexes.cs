using MongoDB.Driver;
using Orders.InventoryHost.Stock.Storage;

namespace Orders.InventoryHost.Stock;

/// <summary>
/// At start, the index a Release of an id no reservation was stored for needs to find that id's holds without reading
/// every product. Creating an index that exists is a no-op, so every instance may try.
/// </summary>
public sealed class StockIndexes(IMongoDatabase database) : IHostedService
{
    public const string HoldsByReservation = "holds_by_reservation";

    public Task StartAsync(CancellationToken cancellationToken) =>
        StockCollections.ProductsOf(database).Indexes.CreateOneAsync(
            new CreateIndexModel<ProductDocument>(
                Builders<ProductDocument>.IndexKeys.Ascending(ProductDocument.HoldReservationIdPath),
                new CreateIndexOptions { Name = HoldsByReservation }),
            cancellationToken: cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
