using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Orders.Application.Abstractions;
using Orders.Domain.Orders;
using Orders.Infrastructure.Outbox;
using Orders.Infrastructure.Persistence.Configurations;

namespace Orders.Infrastructure.Persistence;

/// <summary>
/// Stores each saga step at once, as <see cref="OrderStatements"/>, one round trip each. An update only lands on the
/// row version this repository read or wrote of the order, so a write over someone else's change fails instead of
/// winning. EF Core reads orders and makes the schema; it tracks none of them: the repository remembers the version
/// and the row's values itself, which costs a fraction of the change tracker's snapshots and scans (docs/adr/0005).
/// </summary>
internal sealed class EfOrderRepository(OrdersDbContext context) : IOrderRepository
{
    /// <summary>What was last read or written of each order this repository handed out or was given.</summary>
    private readonly Dictionary<Order, Stored> _stored = new(ReferenceEqualityComparer.Instance);

    public async Task AddAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var version = await WriteAsync(order, connection => Statements.InsertBatch(connection, order), cancellationToken)
            .ConfigureAwait(false);
        Remember(order, version ?? throw new InvalidOperationException($"Inserting order {order.Id} returned no row version."));
    }

    public async Task UpdateAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!_stored.TryGetValue(order, out var stored))
        {
            throw new InvalidOperationException(
                $"Order {order.Id} was not added or found through this repository; its row version is unknown.");
        }

        var image = Statements.ImageOf(order);
        var linesChanged = image.LinesDifferFrom(stored.Image);
        if (!linesChanged && !image.RowDiffersFrom(stored.Image))
        {
            return;
        }

        var recorded = OrderEvents.OfChange(stored.Status, order);
        var version = await WriteAsync(
                order, connection => Statements.UpdateBatch(connection, order, stored.Version, linesChanged, recorded), cancellationToken)
            .ConfigureAwait(false);
        if (version is null)
        {
            throw new OrderConcurrencyException($"Order {order.Id} was changed by someone else since it was read.");
        }

        _stored[order] = new Stored(version.Value, order.Status, image);
    }

    public async Task<Order?> FindAsync(OrderId id, CancellationToken cancellationToken)
    {
        try
        {
            var found = await context.Orders.AsNoTracking()
                .Where(order => order.Id == id)
                .Select(order => new { Order = order, Version = EF.Property<uint>(order, OrderConfiguration.RowVersion) })
                .SingleOrDefaultAsync(cancellationToken)
                .ConfigureAwait(false);
            if (found is null)
            {
                return null;
            }

            Remember(found.Order, found.Version);
            return found.Order;
        }
        catch (Exception exception) when (OrderStoreFailure.IsUnavailable(exception, cancellationToken))
        {
            throw new OrderStoreUnavailableException($"The order store could not be read for order {id}.", exception);
        }
    }

    public async Task<bool> TryAddAsync(Order order, CancellationToken cancellationToken)
    {
        try
        {
            await AddAsync(order, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (IsIdempotencyKeyClash(exception))
        {
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

    private void Remember(Order order, uint version) => _stored[order] = new Stored(version, order.Status, Statements.ImageOf(order));

    /// <summary>An order as stored: the row version a write must find, the status an event is told from, the values a change is.</summary>
    private sealed record Stored(uint Version, OrderStatus Status, RowImage Image);
}
