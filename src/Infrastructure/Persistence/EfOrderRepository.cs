using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Orders.Application.Abstractions;
using Orders.Domain.Orders;
using Orders.Infrastructure.Outbox;
using Orders.Infrastructure.Persistence.Configurations;

namespace Orders.Infrastructure.Persistence;

/// <summary>
/// Stores each saga step at once. An order is updated through the context that added or found it, so its row
/// version (xmin) is the one that was read: a write over someone else's change fails instead of winning. The saga's
/// writes run as <see cref="OrderStatements"/>, one round trip each; EF Core tracks the order and reads it.
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
        var entry = context.Entry(order);
        if (entry.State == EntityState.Detached)
        {
            throw new InvalidOperationException(
                $"Order {order.Id} was not added or found through this repository; its row version is unknown.");
        }

        if (!OnlyPendingChangesAreOf(order, EntityState.Modified, out var linesChanged))
        {
            await SaveAsync(order, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (entry.State == EntityState.Unchanged && !linesChanged)
        {
            return;
        }

        var readVersion = entry.Property<uint>(OrderConfiguration.RowVersion).OriginalValue;
        var recorded = OrderEvents.OfPendingChange(entry);
        var version = await WriteAsync(
                order, connection => Statements.UpdateBatch(connection, order, readVersion, linesChanged, recorded), cancellationToken)
            .ConfigureAwait(false);
        if (version is null)
        {
            throw new OrderConcurrencyException($"Order {order.Id} was changed by someone else since it was read.");
        }

        Accept(order, version.Value);
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
        catch (Exception exception) when (IsIdempotencyKeyClash(exception))
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

    public async Task<IReadOnlyList<Order>> ListByStatusAsync(OrderStatus status, int count, CancellationToken cancellationToken)
    {
        try
        {
            return await context.Orders.AsNoTracking()
                .Where(order => order.Status == status)
                .OrderBy(order => order.UpdatedAt)
                .ThenBy(order => order.Id)
                .Take(count)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception exception) when (OrderStoreFailure.IsUnavailable(exception, cancellationToken))
        {
            throw new OrderStoreUnavailableException($"The order store could not list the orders that are {status}.", exception);
        }
    }

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

    private OrderStatements Statements => OrderStatements.For(context.Model);

    private static bool IsIdempotencyKeyClash(Exception exception) =>
        (exception as PostgresException ?? exception.InnerException as PostgresException) is
        {
            SqlState: PostgresErrorCodes.UniqueViolation,
            ConstraintName: OrderConfiguration.IdempotencyKeyIndex,
        };

    /// <summary>
    /// A new order and its lines in one batch (<see cref="OrderStatements.InsertBatch"/>): every row or none, without
    /// an explicit BEGIN and COMMIT and the round trip of the latter.
    /// </summary>
    private async Task InsertAsync(Order order, CancellationToken cancellationToken)
    {
        if (!OnlyPendingChangesAreOf(order, EntityState.Added, out _))
        {
            await SaveAsync(order, cancellationToken).ConfigureAwait(false);
            return;
        }

        var version = await WriteAsync(order, connection => Statements.InsertBatch(connection, order), cancellationToken)
            .ConfigureAwait(false);
        Accept(order, version ?? throw new InvalidOperationException($"Inserting order {order.Id} returned no row version."));
    }

    /// <summary>
    /// Whether the context holds changes of this order alone (its row in <paramref name="state"/>, its lines in it or
    /// unchanged): then its statement stores everything pending. Anything else goes through SaveChanges, which stores
    /// whatever the context tracks. <paramref name="linesChanged"/>: whether any of its lines is in that state.
    /// </summary>
    private bool OnlyPendingChangesAreOf(Order order, EntityState state, out bool linesChanged)
    {
        linesChanged = false;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            var ourLine = entry.Entity is OrderLine line && order.Lines.Contains(line);
            var ours = ourLine || ReferenceEquals(entry.Entity, order);
            if (entry.State != EntityState.Unchanged && !(ours && entry.State == state))
            {
                return false;
            }

            linesChanged |= ourLine && entry.State == state;
        }

        return true;
    }

    /// <summary>Runs one statement of <see cref="OrderStatements"/> on the context's connection and transaction.</summary>
    private async Task<uint?> WriteAsync(Order order, Func<NpgsqlConnection, NpgsqlBatch> statement, CancellationToken cancellationToken)
    {
        try
        {
            await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await using var batch = statement((NpgsqlConnection)context.Database.GetDbConnection());
                batch.Transaction = (NpgsqlTransaction?)context.Database.CurrentTransaction?.GetDbTransaction();
                if (context.Database.GetCommandTimeout() is { } timeout)
                {
                    batch.Timeout = timeout;
                }

                return await batch.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as uint?;
            }
            finally
            {
                await context.Database.CloseConnectionAsync().ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (OrderStoreFailure.IsUnavailable(exception, cancellationToken))
        {
            throw new OrderStoreUnavailableException($"The order store could not save order {order.Id}.", exception);
        }
    }

    /// <summary>What the statement wrote is now what the context has read, at the row version it returned.</summary>
    private void Accept(Order order, uint version)
    {
        context.Entry(order).Property<uint>(OrderConfiguration.RowVersion).CurrentValue = version;
        context.ChangeTracker.AcceptAllChanges();
    }

    private async Task SaveAsync(Order order, CancellationToken cancellationToken)
    {
        using var recorded = OutboxRecording.Of(context);
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
