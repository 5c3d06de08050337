using MongoDB.Bson.Serialization.Attributes;

namespace Orders.InventoryHost.Stock.Storage;

/// <summary>Units of a product taken by one reservation and not yet released or sold.</summary>
internal sealed class StockHold
{
    public const string ReservationIdElement = "reservation_id";
    public const string TokenElement = "token";
    public const string QuantityElement = "quantity";

    [BsonElement(ReservationIdElement)]
    public required string ReservationId { get; init; }

    [BsonElement(QuantityElement)]
    public required int Quantity { get; init; }

    /// <summary>
    /// Names the Reserve call that took the units, so one that lost its reservation to another call gives back only
    /// what it took itself. Absent on holds taken before tokens existed.
    /// </summary>
    [BsonElement(TokenElement)]
    [BsonIgnoreIfNull]
    public string? Token { get; init; }
}
