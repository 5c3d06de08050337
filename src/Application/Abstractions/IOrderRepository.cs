using Orders.Domain.Orders;

namespace Orders.Application.Abstractions;

/// <summary>
/// Orders, stored durably at every saga step. Throws <see cref="OrderStoreUnavailableException"/> when the store
/// can't be reached, and <see cref="OrderConcurrencyException"/> when someone else changed the order first.
/// </summary>
public interface IOrderRepository
{
    Task AddAsync(Order order, CancellationToken cancellationToken);

    Task UpdateAsync(Order order, CancellationToken cancellationToken);

    Task<Order?> FindAsync(OrderId id, CancellationToken cancellationToken);

    /// <summary>Adds an order placed under an idempotency key; false (nothing stored) when the user already has an order under it.</summary>
    Task<bool> TryAddAsync(Order order, CancellationToken cancellationToken);

    /// <summary>The user's order placed under this key, as stored now (not an earlier read of it); null when there is none.</summary>
    Task<Order?> FindByIdempotencyKeyAsync(UserId userId, IdempotencyKey key, CancellationToken cancellationToken);

    /// <summary>The order as stored now, whatever was read before: for answering, not for changing.</summary>
    Task<Order?> ReadAsync(OrderId id, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="count"/> orders in <paramref name="status"/>, the longest unchanged first.</summary>
    Task<IReadOnlyList<Order>> ListByStatusAsync(OrderStatus status, int count, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="count"/> of the user's orders, newest first (created_at, then id, descending), after <paramref name="after"/>.</summary>
    Task<IReadOnlyList<Order>> ListByUserAsync(UserId userId, OrderCursor? after, int count, CancellationToken cancellationToken);
}
