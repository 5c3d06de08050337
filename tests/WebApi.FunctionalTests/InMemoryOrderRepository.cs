using System.Collections.Concurrent;
using Orders.Application.Abstractions;
using Orders.Domain.Orders;

namespace Orders.WebApi.FunctionalTests;

/// <summary>Orders kept in memory, for tests of the HTTP edge alone.</summary>
internal sealed class InMemoryOrderRepository : IOrderRepository
{
    private readonly ConcurrentDictionary<OrderId, Order> _orders = new();

    public IReadOnlyCollection<Order> Orders => [.. _orders.Values];

    public Task AddAsync(Order order, CancellationToken cancellationToken)
    {
        _orders[order.Id] = order;
        return Task.CompletedTask;
    }

    public Task UpdateAsync(Order order, CancellationToken cancellationToken) => AddAsync(order, cancellationToken);

    public Task<Order?> FindAsync(OrderId id, CancellationToken cancellationToken) =>
        Task.FromResult(_orders.GetValueOrDefault(id));

    public Task<bool> TryAddAsync(Order order, CancellationToken cancellationToken)
    {
        lock (_orders)
        {
            if (_orders.Values.Any(stored => stored.UserId == order.UserId && stored.IdempotencyKey == order.IdempotencyKey))
            {
                return Task.FromResult(false);
            }

            _orders[order.Id] = order;
            return Task.FromResult(true);
        }
    }

    public Task<Order?> FindByIdempotencyKeyAsync(UserId userId, IdempotencyKey key, CancellationToken cancellationToken) =>
        Task.FromResult(_orders.Values.FirstOrDefault(order => order.UserId == userId && order.IdempotencyKey == key));

    public Task<Order?> ReadAsync(OrderId id, CancellationToken cancellationToken) => FindAsync(id, cancellationToken);

    public Task<IReadOnlyList<Order>> ListByStatusAsync(OrderStatus status, int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Order>>([.. _orders.Values.Where(order => order.Status == status).OrderBy(order => order.UpdatedAt).Take(count)]);

    public Task<IReadOnlyList<Order>> ListByUserAsync(UserId userId, OrderCursor? after, int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Order>>([.. _orders.Values
            .Where(order => order.UserId == userId)
            .Where(order => after is null || order.CreatedAt < after.CreatedAt || (order.CreatedAt == after.CreatedAt && order.Id.Value.CompareTo(after.OrderId.Value) < 0))
            .OrderByDescending(order => order.CreatedAt)
            .ThenByDescending(order => order.Id.Value)
            .Take(count)]);
}
