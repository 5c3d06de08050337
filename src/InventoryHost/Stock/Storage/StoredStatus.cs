namespace Orders.InventoryHost.Stock.Storage;

/// <summary>The lower-case status names stored in <c>reservations.status</c>.</summary>
internal static class StoredStatus
{
    public const string Pending = "pending";
    public const string Reserved = "reserved";
    public const string Rejected = "rejected";
    public const string Released = "released";
    public const string Committed = "committed";
    public const string Returned = "returned";

    public static ReservationStatus Parse(string stored) => stored switch
    {
        Pending => ReservationStatus.Pending,
        Reserved => ReservationStatus.Reserved,
        Rejected => ReservationStatus.Rejected,
        Released => ReservationStatus.Released,
        Committed => ReservationStatus.Committed,
        Returned => ReservationStatus.Returned,
        _ => throw new InvalidOperationException($"Unknown stored reservation status '{stored}'."),
    };
}
