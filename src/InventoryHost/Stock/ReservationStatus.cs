namespace Orders.InventoryHost.Stock;

public enum ReservationStatus
{
    /// <summary>
    /// Stored before the lines were taken, as Reserve did before one insert decided; kept for such documents. A replayed
    /// Reserve carries one on, a Release undoes it.
    /// </summary>
    Pending,
    Reserved,
    Rejected,
    Released,
    Committed,

    /// <summary>Committed, then given back: its units are available again (the order was cancelled).</summary>
    Returned,
}
