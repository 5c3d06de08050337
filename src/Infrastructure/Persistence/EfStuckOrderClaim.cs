using Microsoft.EntityFrameworkCore.Storage;
using Orders.Application.Abstractions;
using Orders.Domain.Orders;

namespace Orders.Infrastructure.Persistence;

/// <summary>A row lock held by an open transaction: committing keeps the recovery's writes, disposing rolls back and unlocks.</summary>
internal sealed class EfStuckOrderClaim(OrderId orderId, IDbContextTransaction transaction) : IStuckOrderClaim
{
    public OrderId OrderId { get; } = orderId;

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (OrderStoreFailure.IsUnavailable(exception, cancellationToken))
        {
            throw new OrderStoreUnavailableException($"The order store could not keep the recovery of order {OrderId}.", exception);
        }
    }

    public ValueTask DisposeAsync() => transaction.DisposeAsync();
}
