using Orders.Application.Abstractions;
using Orders.Domain.Orders;

namespace Orders.MicroBenchmarks.Fakes;

/// <summary>
/// An inventory that holds every reservation at once, priced from a fixed list, with answers made up front:
/// the benchmarks measure the order service, not the fake.
/// </summary>
internal sealed class AlwaysInStockInventory(IReadOnlyList<PricedLine> prices) : IInventory
{
    private readonly Task<ReservationState> _reserved = Task.FromResult<ReservationState>(new ReservationState.Reserved { Prices = prices });
    private readonly Task<ReservationState> _released = Task.FromResult<ReservationState>(new ReservationState.Released());
    private readonly Task<ReservationState> _committed = Task.FromResult<ReservationState>(new ReservationState.Committed { Prices = prices });
    private readonly Task<ReservationState> _returned = Task.FromResult<ReservationState>(new ReservationState.Returned());

    public Task<ReservationState> ReserveAsync(OrderId reservationId, IReadOnlyList<RequestedLine> lines, CancellationToken cancellationToken) => _reserved;

    public Task<ReservationState> ReleaseAsync(OrderId reservationId, CancellationToken cancellationToken) => _released;

    public Task<ReservationState> CommitAsync(OrderId reservationId, CancellationToken cancellationToken) => _committed;

    public Task<ReservationState> ReturnAsync(OrderId reservationId, CancellationToken cancellationToken) => _returned;

    public Task<ReservationState> GetReservationAsync(OrderId reservationId, CancellationToken cancellationToken) => _committed;
}
