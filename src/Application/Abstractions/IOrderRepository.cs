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
}
