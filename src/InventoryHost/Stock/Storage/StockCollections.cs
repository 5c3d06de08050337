using MongoDB.Driver;

namespace Orders.InventoryHost.Stock.Storage;

/// <summary>The collections the ledger keeps; names are part of the stored contract.</summary>
public static class StockCollections
{
    public const string Products = "products";
    public const string Reservations = "reservations";

    internal static IMongoCollection<ProductDocument> ProductsOf(IMongoDatabase database) =>
        database.GetCollection<ProductDocument>(Products);

    internal static IMongoCollection<ReservationDocument> ReservationsOf(IMongoDatabase database) =>
        database.GetCollection<ReservationDocument>(Reservations);
}
