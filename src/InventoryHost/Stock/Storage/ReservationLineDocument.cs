using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Orders.InventoryHost.Stock.Storage;

internal sealed class ReservationLineDocument
{
    [BsonElement("product_id")]
    public required string ProductId { get; init; }

    [BsonElement("quantity")]
    public required int Quantity { get; init; }

    [BsonElement("unit_price")]
    [BsonRepresentation(BsonType.Decimal128)]
    [BsonIgnoreIfNull]
    public decimal? UnitPrice { get; init; }

    [BsonElement("currency")]
    [BsonIgnoreIfNull]
    public string? Currency { get; init; }

    /// <summary>The token of the hold this line counts on; absent on lines stored before tokens existed.</summary>
    [BsonElement("hold_token")]
    [BsonIgnoreIfNull]
    public string? HoldToken { get; init; }

    public static ReservationLineDocument Requested(RequestedLine line) => new() { ProductId = line.ProductId, Quantity = line.Quantity };

    public static ReservationLineDocument Priced(RequestedLine line, Price price, string? holdToken) => new()
    {
        ProductId = line.ProductId, Quantity = line.Quantity, UnitPrice = price.Amount, Currency = price.Currency, HoldToken = holdToken,
    };

    public ReservedLine ToReservedLine() =>
        new(ProductId, Quantity, UnitPrice is { } amount && Currency is not null ? new Price(amount, Currency) : null);
}
