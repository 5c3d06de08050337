using MongoDB.Bson.Serialization.Attributes;

namespace Orders.InventoryHost.Stock.Storage;

/// <summary>A document of the <c>reservations</c> collection; the id is the caller's reservation id.</summary>
internal sealed class ReservationDocument
{
    // Element names, for the commands built from names rather than expressions (see ReservationWrites).
    public const string IdElement = "_id";
    public const string LinesElement = "lines";
    public const string StatusElement = "status";
    public const string ShortagesElement = "shortages";
    public const string UnknownProductIdsElement = "unknown_product_ids";
    public const string UpdatedAtElement = "updated_at";

    [BsonId]
    public required string Id { get; init; }

    /// <summary>The requested lines, sorted by product id; priced once the reservation is reserved.</summary>
    [BsonElement(LinesElement)]
    public required List<ReservationLineDocument> Lines { get; init; }

    [BsonElement(StatusElement)]
    [BsonSerializer(typeof(ReservationStatusSerializer))]
    public required ReservationStatus Status { get; init; }

    [BsonElement(ShortagesElement)]
    public List<ShortageDocument> Shortages { get; init; } = [];

    [BsonElement(UnknownProductIdsElement)]
    public List<string> UnknownProductIds { get; init; } = [];

    [BsonElement("created_at")]
    public DateTime CreatedAt { get; init; }

    [BsonElement(UpdatedAtElement)]
    public DateTime UpdatedAt { get; init; }

    public IReadOnlyList<RequestedLine> RequestedLines => [.. Lines.Select(l => new RequestedLine(l.ProductId, l.Quantity))];

    public IReadOnlyList<ReservedLine> ReservedLines => [.. Lines.Select(l => l.ToReservedLine())];

    public bool IsPriced => Lines.TrueForAll(l => l.UnitPrice is not null);

    /// <summary>Left by the release of an id that was never reserved: a Reserve of this id must take nothing.</summary>
    public bool IsReleasedMark => Lines.Count == 0 && Status == ReservationStatus.Released;

    public Reservation ToReservation() => new(Id, Status, ReservedLines);
}
