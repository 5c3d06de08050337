using Microsoft.EntityFrameworkCore;
using Orders.Application.Abstractions;
using Orders.Domain.Orders;

namespace Orders.Infrastructure.Persistence;

/// <summary>
/// Stores each saga step at once. An order is updated through the context that added or found it, so its row
/// version (xmin) is the one that was read: a write over someone else's change fails instead of winning.
/// </summary>
internal sealed class EfOrderRepository(OrdersDbContext context) : IOrderRepository
{
    public async Task AddAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        context.Orders.Add(order);
        await SaveAsync(order, cancellationToken).ConfigureAwait(false);
    }

    public async Task UpdateAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (context.Entry(order).State == EntityState.Detached)
        {
            throw new InvalidOperationException(
                $"Order {order.Id} was not added or found through this repository; its row version is unknown.");
        }

        await SaveAsync(order, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Order?> FindAsync(OrderId id, CancellationToken cancellationToken)
    {
        try
        {
            return await context.Orders.SingleOrDefaultAsync(order => order.Id == id, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (OrderStoreFailure.IsUnavailable(exception, cancellationToken))
        {
            throw new OrderStoreUnavailableException($"The order store could not be read for order {id}.", exception);
        }
    }

    private async Task SaveAsync(Order order, CancellationToken cancellationToken)
    {
        try
        {
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw new OrderConcurrencyException($"Order {order.Id} was changed by someone else since it was read.", exception);
        }
        catch (Exception exception) when (OrderStoreFailure.IsUnavailable(exception, cancellationToken))
        {
            throw new OrderStoreUnavailableException($"The order store could not save order {order.Id}.", exception);
        }
    }
}
