using Orders.Application.Abstractions;
using Orders.Domain.Orders;

namespace Orders.UnitTests.Application;

/// <summary>Keeps the order a handler stores and the state it had at every write; fails the writes it is told to.</summary>
internal sealed class RecordingOrderRepository : IOrderRepository
{
    private int _updates;

    public Order? Order { get; private set; }

    public List<(OrderStatus Status, OrderProgress Progress)> Saved { get; } = [];

    /// <summary>1-based numbers of the updates that fail as if the store were down.</summary>
    public HashSet<int> FailingUpdates { get; } = [];

    public bool StoreIsDown { get; set; }

    public Action? OnAdd { get; set; }

    public Task AddAsync(Order order, CancellationToken cancellationToken)
    {
        if (StoreIsDown)
        {
            throw new OrderStoreUnavailableException("down");
        }

        Order = order;
        Saved.Add((order.Status, order.Progress));
        OnAdd?.Invoke();
        return Task.CompletedTask;
    }

    public Task UpdateAsync(Order order, CancellationToken cancellationToken)
    {
        if (FailingUpdates.Contains(++_updates))
        {
            throw new OrderStoreUnavailableException("down");
        }

        Saved.Add((order.Status, order.Progress));
        return Task.CompletedTask;
    }

    public Task<Order?> FindAsync(OrderId id, CancellationToken cancellationToken) =>
        Task.FromResult(Order?.Id == id ? Order : null);
}
