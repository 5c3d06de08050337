using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Orders.InventoryHost.Stock.Storage;

/// <summary>A document of the <c>products</c> collection: stock nobody holds, and the holds of open reservations.</summary>
internal sealed class ProductDocument
{
    // Element names, for the commands built from names rather than expressions (see ProductWrites).
    public const string IdElement = "_id";
    public const string NameElement = "name";
    public const string UnitPriceElement = "unit_price";
    public const string CurrencyElement = "currency";
    public const string AvailableElement = "available";
    public const string HoldsElement = "holds";
    public const string ReturnedReservationIdsElement = "returned_reservation_ids";

    /// <summary>The path of a hold's reservation id, for filters on the holds of a product.</summary>
    public const string HoldReservationIdPath = HoldsElement + "." + StockHold.ReservationIdElement;

    /// <summary>The path of a hold's token.</summary>
    public const string HoldTokenPath = HoldsElement + "." + StockHold.TokenElement;

    [BsonId]
    public required string Id { get; init; }

    [BsonElement(NameElement)]
    public required string Name { get; init; }

    [BsonElement(UnitPriceElement)]
    [BsonRepresentation(BsonType.Decimal128)]
    public required decimal UnitPrice { get; init; }

    [BsonElement(CurrencyElement)]
    public required string Currency { get; init; }

    [BsonElement(AvailableElement)]
    public required int Available { get; init; }

    [BsonElement(HoldsElement)]
    public List<StockHold> Holds { get; init; } = [];

    /// <summary>Reservations whose units came back to this product; written with the units, so none comes back twice.</summary>
    [BsonElement(ReturnedReservationIdsElement)]
    public List<string> ReturnedReservationIds { get; init; } = [];

    public Product ToProduct() => new(Id, Name, new Price(UnitPrice, Currency), Available);
}
