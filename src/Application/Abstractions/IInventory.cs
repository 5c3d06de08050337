using Orders.Domain.Orders;

namespace Orders.Application.Abstractions;

/// <summary>
/// Stock held in the Inventory service. Every call is idempotent by reservation id (the order id), so a step
/// can be repeated after a crash or a timeout.
/// </summary>
public interface IInventory
{
    /// <summary>Takes all lines or none.</summary>
    Task<ReservationOutcome> ReserveAsync(OrderId reservationId, IReadOnlyList<RequestedLine> lines, CancellationToken cancellationToken);

    /// <summary>Puts reserved stock back; a no-op when nothing is held; refused after commit.</summary>
    Task<StepOutcome> ReleaseAsync(OrderId reservationId, CancellationToken cancellationToken);

    /// <summary>Makes the reservation final: the stock is sold.</summary>
    Task<StepOutcome> CommitAsync(OrderId reservationId, CancellationToken cancellationToken);

    /// <summary>Gives a committed reservation's stock back (its order is cancelled); returning twice is a no-op; refused unless committed.</summary>
    Task<StepOutcome> ReturnAsync(OrderId reservationId, CancellationToken cancellationToken);

    /// <summary>What the inventory holds for the reservation now; for recovery, which must not guess.</summary>
    Task<ReservationState> GetReservationAsync(OrderId reservationId, CancellationToken cancellationToken);
}
