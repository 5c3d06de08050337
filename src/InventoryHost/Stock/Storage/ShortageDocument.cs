using MongoDB.Bson.Serialization.Attributes;

namespace Orders.InventoryHost.Stock.Storage;

internal sealed class ShortageDocument
{
    [BsonElement("product_id")]
    public required string ProductId { get; init; }

    [BsonElement("requested")]
    public required int Requested { get; init; }

    [BsonElement("available")]
    public required int Available { get; init; }

    public static ShortageDocument From(StockShortage shortage) =>
        new() { ProductId = shortage.ProductId, Requested = shortage.Requested, Available = shortage.Available };

    public StockShortage ToShortage() => new(ProductId, Requested, Available);
}
