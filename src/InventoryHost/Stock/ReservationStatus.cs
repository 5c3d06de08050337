namespace Orders.InventoryHost.Stock;

public enum ReservationStatus
{
    /// <summary>Lines are being taken; a crash here is finished by a replayed Reserve or undone by Release.</summary>
    Pending,
    Reserved,
    Rejected,
    Released,
    Committed,

    /// <summary>Committed, then given back: its units are available again (the order was cancelled).</summary>
    Returned,
}
