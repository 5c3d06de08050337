using Orders.Application.Abstractions;
using Orders.Domain.Orders;

namespace Orders.MicroBenchmarks.Fakes;

/// <summary>
/// An order store that accepts every write and keeps nothing: millions of benchmark orders must not pile up in
/// memory and turn into garbage-collector work that the real service doesn't do.
/// </summary>
internal sealed class DiscardingOrderRepository : IOrderRepository
{
    private static readonly Task<bool> Added = Task.FromResult(true);
    private static readonly Task<Order?> Nothing = Task.FromResult<Order?>(null);
    private static readonly Task<IReadOnlyList<Order>> NoOrders = Task.FromResult<IReadOnlyList<Order>>([]);

    public Task AddAsync(Order order, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task UpdateAsync(Order order, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<Order?> FindAsync(OrderId id, CancellationToken cancellationToken) => Nothing;

    public Task<bool> TryAddAsync(Order order, CancellationToken cancellationToken) => Added;

    public Task<Order?> FindByIdempotencyKeyAsync(UserId userId, IdempotencyKey key, CancellationToken cancellationToken) => Nothing;

    public Task<Order?> ReadAsync(OrderId id, CancellationToken cancellationToken) => Nothing;

    public Task<IReadOnlyList<Order>> ListByStatusAsync(OrderStatus status, int count, CancellationToken cancellationToken) => NoOrders;

    public Task<IReadOnlyList<Order>> ListByUserAsync(UserId userId, OrderCursor? after, int count, CancellationToken cancellationToken) => NoOrders;
}
