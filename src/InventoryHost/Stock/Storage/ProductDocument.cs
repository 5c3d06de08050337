using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Orders.InventoryHost.Stock.Storage;

/// <summary>A document of the <c>products</c> collection: stock nobody holds, and the holds of open reservations.</summary>
internal sealed class ProductDocument
{
    /// <summary>The path of a hold's reservation id, for filters on the holds of a product.</summary>
    public const string HoldReservationIdPath = "holds.reservation_id";

    [BsonId]
    public required string Id { get; init; }

    [BsonElement("name")]
    public required string Name { get; init; }

    [BsonElement("unit_price")]
    [BsonRepresentation(BsonType.Decimal128)]
    public required decimal UnitPrice { get; init; }

    [BsonElement("currency")]
    public required string Currency { get; init; }

    [BsonElement("available")]
    public required int Available { get; init; }

    [BsonElement("holds")]
    public List<StockHold> Holds { get; init; } = [];

    /// <summary>Reservations whose units came back to this product; written with the units, so none comes back twice.</summary>
    [BsonElement("returned_reservation_ids")]
    public List<string> ReturnedReservationIds { get; init; } = [];

    public Product ToProduct() => new(Id, Name, new Price(UnitPrice, Currency), Available);
}
