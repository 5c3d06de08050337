using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;

namespace Orders.InventoryHost.Stock.Storage;

/// <summary>
/// Stores a <see cref="ReservationStatus"/> as the lower-case name <c>reservations.status</c> has always held. Spelled
/// out rather than derived from the member names, so renaming a member can't change what is stored.
/// </summary>
internal sealed class ReservationStatusSerializer : StructSerializerBase<ReservationStatus>
{
    public override void Serialize(BsonSerializationContext context, BsonSerializationArgs args, ReservationStatus value) =>
        context.Writer.WriteString(value switch
        {
            ReservationStatus.Pending => "pending",
            ReservationStatus.Reserved => "reserved",
            ReservationStatus.Rejected => "rejected",
            ReservationStatus.Released => "released",
            ReservationStatus.Committed => "committed",
            ReservationStatus.Returned => "returned",
            _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown reservation status."),
        });

    public override ReservationStatus Deserialize(BsonDeserializationContext context, BsonDeserializationArgs args) =>
        context.Reader.ReadString() switch
        {
            "pending" => ReservationStatus.Pending,
            "reserved" => ReservationStatus.Reserved,
            "rejected" => ReservationStatus.Rejected,
            "released" => ReservationStatus.Released,
            "committed" => ReservationStatus.Committed,
            "returned" => ReservationStatus.Returned,
            var stored => throw new FormatException($"Unknown stored reservation status '{stored}'."),
        };
}
