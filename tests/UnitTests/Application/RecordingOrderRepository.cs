using Orders.Application.Abstractions;
using Orders.Domain.Orders;

namespace Orders.UnitTests.Application;

/// <summary>Keeps the order a handler stores and its status at every write; fails the writes it is told to.</summary>
internal sealed class RecordingOrderRepository : IOrderRepository
{
    private int _updates;

    public Order? Order { get; private set; }

    public List<OrderStatus> Saved { get; } = [];

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
        Saved.Add(order.Status);
        OnAdd?.Invoke();
        return Task.CompletedTask;
    }

    public Task UpdateAsync(Order order, CancellationToken cancellationToken)
    {
        if (NextUpdateFailure is { } failure)
        {
            NextUpdateFailure = null;
            throw failure;
        }

        if (FailingUpdates.Contains(++_updates))
        {
            throw new OrderStoreUnavailableException("down");
        }

        Saved.Add(order.Status);
        return Task.CompletedTask;
    }

    public Task<Order?> FindAsync(OrderId id, CancellationToken cancellationToken) =>
        Task.FromResult(All.FirstOrDefault(order => order.Id == id));

    /// <summary>Orders stored before the test, beside <see cref="Order"/>.</summary>
    public List<Order> Earlier { get; } = [];

    /// <summary>Thrown by the next update instead of saving, once.</summary>
    public Exception? NextUpdateFailure { get; set; }

    public Task<bool> TryAddAsync(Order order, CancellationToken cancellationToken)
    {
        if (All.Any(stored => stored.UserId == order.UserId && stored.IdempotencyKey == order.IdempotencyKey))
        {
            return Task.FromResult(false);
        }

        return AddAsync(order, cancellationToken).ContinueWith(_ => true, TaskScheduler.Default);
    }

    public Task<Order?> FindByIdempotencyKeyAsync(UserId userId, IdempotencyKey key, CancellationToken cancellationToken) =>
        Task.FromResult(All.FirstOrDefault(order => order.UserId == userId && order.IdempotencyKey == key));

    /// <summary>What someone else stored meanwhile: <see cref="ReadAsync"/> answers it instead of the order this test holds.</summary>
    public Order? StoredMeanwhile { get; set; }

    public Task<Order?> ReadAsync(OrderId id, CancellationToken cancellationToken) =>
        StoredMeanwhile is { } stored && stored.Id == id ? Task.FromResult<Order?>(stored) : FindAsync(id, cancellationToken);

    public Task<IReadOnlyList<Order>> ListByStatusAsync(OrderStatus status, int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Order>>([.. All.Where(order => order.Status == status).OrderBy(order => order.UpdatedAt).Take(count)]);

    public Task<IReadOnlyList<Order>> ListByUserAsync(UserId userId, OrderCursor? after, int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Order>>([.. All
            .Where(order => order.UserId == userId)
            .Where(order => after is null || order.CreatedAt < after.CreatedAt || (order.CreatedAt == after.CreatedAt && order.Id.Value.CompareTo(after.OrderId.Value) < 0))
            .OrderByDescending(order => order.CreatedAt)
            .ThenByDescending(order => order.Id.Value)
            .Take(count)]);

    private IEnumerable<Order> All => Order is null ? Earlier : Earlier.Append(Order);
}
