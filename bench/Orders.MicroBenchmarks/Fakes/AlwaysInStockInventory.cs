using Orders.Application.Abstractions;
using Orders.Domain.Orders;

namespace Orders.MicroBenchmarks.Fakes;

/// <summary>
/// An inventory that holds every reservation at once, priced from a fixed list, with answers made up front:
/// the benchmarks measure the order service, not the fake.
/// </summary>
internal sealed class AlwaysInStockInventory(IReadOnlyList<PricedLine> prices) : IInventory
{
    private readonly Task<ReservationOutcome> _reserved = Task.FromResult<ReservationOutcome>(new ReservationOutcome.Reserved(prices));
    private readonly Task<StepOutcome> _done = Task.FromResult(StepOutcome.Succeeded);
    private readonly Task<ReservationState> _committed = Task.FromResult(ReservationState.Committed);

    public Task<ReservationOutcome> ReserveAsync(OrderId reservationId, IReadOnlyList<RequestedLine> lines, CancellationToken cancellationToken) => _reserved;

    public Task<StepOutcome> ReleaseAsync(OrderId reservationId, CancellationToken cancellationToken) => _done;

    public Task<StepOutcome> CommitAsync(OrderId reservationId, CancellationToken cancellationToken) => _done;

    public Task<StepOutcome> ReturnAsync(OrderId reservationId, CancellationToken cancellationToken) => _done;

    public Task<ReservationState> GetReservationAsync(OrderId reservationId, CancellationToken cancellationToken) => _committed;
}
