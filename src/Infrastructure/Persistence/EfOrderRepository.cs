using Microsoft.EntityFrameworkCore;
using Npgsql;
using Orders.Application.Abstractions;
using Orders.Domain.Orders;
using Orders.Infrastructure.Persistence.Configurations;

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
        await InsertAsync(order, cancellationToken).ConfigureAwait(false);
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

    public async Task<bool> TryAddAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        context.Orders.Add(order);
        try
        {
            await InsertAsync(order, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException
        {
            SqlState: PostgresErrorCodes.UniqueViolation,
            ConstraintName: OrderConfiguration.IdempotencyKeyIndex,
        })
        {
            // Another request holds the key: this order was never stored, so this context forgets it (order first, so
            // forgetting its lines does not take them out of the order's own list).
            context.Entry(order).State = EntityState.Detached;
            foreach (var line in order.Lines.ToList())
            {
                context.Entry(line).State = EntityState.Detached;
            }

            return false;
        }
    }

    public Task<Order?> FindByIdempotencyKeyAsync(UserId userId, IdempotencyKey key, CancellationToken cancellationToken) =>
        ReadOneAsync(
            context.Orders.AsNoTracking().Where(order => order.UserId == userId && order.IdempotencyKey == key),
            $"the order of user {userId} under an idempotency key",
            cancellationToken);

    public Task<Order?> ReadAsync(OrderId id, CancellationToken cancellationToken) =>
        ReadOneAsync(context.Orders.AsNoTracking().Where(order => order.Id == id), $"order {id}", cancellationToken);

    public async Task<IReadOnlyList<Order>> ListByUserAsync(UserId userId, OrderCursor? after, int count, CancellationToken cancellationToken)
    {
        try
        {
            // The page's ids first: the row comparison is the keyset predicate, walking ix_orders_user_id_created_at_id
            // (user_id, created_at desc, id desc); then the orders with their lines.
            var ids = await (after is null
                    ? context.Database.SqlQuery<Guid>(
                        $"SELECT id AS \"Value\" FROM orders WHERE user_id = {userId.Value} ORDER BY created_at DESC, id DESC LIMIT {count}")
                    : context.Database.SqlQuery<Guid>(
                        $"SELECT id AS \"Value\" FROM orders WHERE user_id = {userId.Value} AND (created_at, id) < ({after.CreatedAt}, {after.OrderId.Value}) ORDER BY created_at DESC, id DESC LIMIT {count}"))
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            var orderIds = ids.Select(id => new OrderId(id)).ToList();
            var orders = await context.Orders.AsNoTracking()
                .Where(order => orderIds.Contains(order.Id))
                .ToDictionaryAsync(order => order.Id, cancellationToken)
                .ConfigureAwait(false);
            return [.. orderIds.Where(orders.ContainsKey).Select(id => orders[id])];
        }
        catch (Exception exception) when (OrderStoreFailure.IsUnavailable(exception, cancellationToken))
        {
            throw new OrderStoreUnavailableException($"The order store could not list the orders of user {userId}.", exception);
        }
    }

    private static async Task<Order?> ReadOneAsync(IQueryable<Order> query, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await query.SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (OrderStoreFailure.IsUnavailable(exception, cancellationToken))
        {
            throw new OrderStoreUnavailableException($"The order store could not read {what}.", exception);
        }
    }

    /// <summary>
    /// A new order and its lines are one batch (<see cref="OrdersDatabase.MaxBatchSize"/> holds the largest order), and
    /// PostgreSQL runs a batch as one implicit transaction: every row or none, without an explicit BEGIN and COMMIT and
    /// the round trip of the latter. Only inserts: they carry no row version, so every failure is the server's and undoes
    /// the batch, whereas a stale update is only noticed by EF Core after the batch and needs the explicit transaction.
    /// </summary>
    private async Task InsertAsync(Order order, CancellationToken cancellationToken)
    {
        context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        try
        {
            await SaveAsync(order, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.WhenNeeded;
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
