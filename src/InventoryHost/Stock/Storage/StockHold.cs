using MongoDB.Bson.Serialization.Attributes;

namespace Orders.InventoryHost.Stock.Storage;

/// <summary>Units of a product taken by one reservation and not yet released or sold.</summary>
internal sealed class StockHold
{
    public const string ReservationIdElement = "reservation_id";

    [BsonElement(ReservationIdElement)]
    public required string ReservationId { get; init; }

    [BsonElement("quantity")]
    public required int Quantity { get; init; }
}
