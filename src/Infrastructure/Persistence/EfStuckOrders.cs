using Microsoft.EntityFrameworkCore;
using Orders.Application.Abstractions;
using Orders.Domain.Orders;

namespace Orders.Infrastructure.Persistence;

/// <summary>
/// Claims a stuck order with <c>SELECT … FOR UPDATE SKIP LOCKED</c> in a transaction of the scope's context: the
/// row stays locked, and the repository's writes in that scope join the transaction, until the claim ends.
/// </summary>
internal sealed class EfStuckOrders(OrdersDbContext context) : IStuckOrders
{
    public async Task<IStuckOrderClaim?> ClaimNextAsync(
        DateTimeOffset unchangedSince, IReadOnlyCollection<OrderId> skipping, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(skipping);
        var skipped = skipping.Select(id => id.Value).ToArray();
        try
        {
            var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var claimed = await context.Database
                    .SqlQuery<Guid>($"""
                        SELECT id AS "Value" FROM orders
                        WHERE status = 'pending' AND updated_at < {unchangedSince.ToUniversalTime()} AND id <> ALL({skipped})
                        ORDER BY updated_at
                        LIMIT 1
                        FOR UPDATE SKIP LOCKED
                        """)
                    .ToListAsync(cancellationToken)
                    .ConfigureAwait(false);
                if (claimed.Count == 0)
                {
                    await transaction.DisposeAsync().ConfigureAwait(false);
                    return null;
                }

                return new EfStuckOrderClaim(new OrderId(claimed[0]), transaction);
            }
            catch
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        catch (Exception exception) when (OrderStoreFailure.IsUnavailable(exception, cancellationToken))
        {
            throw new OrderStoreUnavailableException("The order store could not be searched for stuck orders.", exception);
        }
    }
}
