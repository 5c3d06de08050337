using Orders.Domain.Orders;

namespace Orders.Application.Abstractions;

/// <summary>
/// Stock held in the Inventory service. Every call is idempotent by reservation id (the order id), so a step
/// can be repeated after a crash or a timeout. Each answers with the reservation's state afterwards.
/// </summary>
public interface IInventory
{
    /// <summary>Takes all lines or none: <see cref="ReservationState.Reserved"/> (priced) or <see cref="ReservationState.Rejected"/>.</summary>
    Task<ReservationState> ReserveAsync(OrderId reservationId, IReadOnlyList<RequestedLine> lines, CancellationToken cancellationToken);

    /// <summary>Puts reserved stock back (<see cref="ReservationState.Released"/>, also for an unknown id); <see cref="ReservationState.Committed"/> when it was sold.</summary>
    Task<ReservationState> ReleaseAsync(OrderId reservationId, CancellationToken cancellationToken);

    /// <summary>Makes the reservation final: the stock is sold.</summary>
    Task<ReservationState> CommitAsync(OrderId reservationId, CancellationToken cancellationToken);

    /// <summary>Gives a committed reservation's stock back (its order is cancelled); returning twice is a no-op.</summary>
    Task<ReservationState> ReturnAsync(OrderId reservationId, CancellationToken cancellationToken);

    /// <summary>What the inventory holds for the reservation now, with its prices; for recovery, which must not guess.</summary>
    Task<ReservationState> GetReservationAsync(OrderId reservationId, CancellationToken cancellationToken);
}
