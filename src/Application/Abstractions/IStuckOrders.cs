using Orders.Domain.Orders;

namespace Orders.Application.Abstractions;

/// <summary>
/// Orders left pending longer than they should be. A claim locks one order for its holder alone, so recovery
/// running in several instances never works the same order twice at once.
/// </summary>
public interface IStuckOrders
{
    /// <summary>
    /// Claims the pending order unchanged the longest before <paramref name="unchangedSince"/>, passing over
    /// <paramref name="skipping"/> and orders claimed by others; null when there is none.
    /// </summary>
    Task<IStuckOrderClaim?> ClaimNextAsync(DateTimeOffset unchangedSince, IReadOnlyCollection<OrderId> skipping, CancellationToken cancellationToken);
}
