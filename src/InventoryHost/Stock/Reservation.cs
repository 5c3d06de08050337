namespace Orders.InventoryHost.Stock;

/// <summary>A reservation as stored: its lines (priced once reserved) and where it stands.</summary>
public sealed record Reservation(string ReservationId, ReservationStatus Status, IReadOnlyList<ReservedLine> Lines);
