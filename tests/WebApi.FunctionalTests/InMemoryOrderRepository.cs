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
}
