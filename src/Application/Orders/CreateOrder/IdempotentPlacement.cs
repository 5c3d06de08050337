using System.Diagnostics;
using Orders.Application.Abstractions;
using Orders.Domain.Orders;

namespace Orders.Application.Orders.CreateOrder;

/// <summary>
/// Stores a new order under its idempotency key, or finds the order that already holds the key. The store's unique
/// index on (user, key) decides a race; the losers read the winner's order and, while its saga still runs, wait a
/// little for it to end rather than answer "in progress" at once.
/// </summary>
internal sealed class IdempotentPlacement(IOrderRepository orders, TimeSpan waitForPending, TimeSpan pollInterval)
{
    /// <summary>A saga takes a few remote calls; a replay racing the first request waits about this long for it.</summary>
    public static readonly TimeSpan DefaultWaitForPending = TimeSpan.FromSeconds(3);

    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(50);

    public IdempotentPlacement(IOrderRepository orders)
        : this(orders, DefaultWaitForPending, DefaultPollInterval)
    {
    }

    public async Task<IdempotencyClaim> ClaimAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var key = order.IdempotencyKey ?? throw new ArgumentException($"Order {order.Id} has no idempotency key.", nameof(order));

        var existing = await orders.FindByIdempotencyKeyAsync(order.UserId, key, cancellationToken);
        if (existing is null)
        {
            if (await orders.TryAddAsync(order, cancellationToken))
            {
                return new IdempotencyClaim.Claimed();
            }

            existing = await orders.FindByIdempotencyKeyAsync(order.UserId, key, cancellationToken)
                ?? throw new InvalidOperationException($"Idempotency key of user {order.UserId} is taken, but no order holds it.");
        }

        if (existing.RequestFingerprint != order.RequestFingerprint)
        {
            return new IdempotencyClaim.KeyReused();
        }

        var waiting = Stopwatch.StartNew();
        while (existing.Status == OrderStatus.Pending && waiting.Elapsed < waitForPending)
        {
            await Task.Delay(pollInterval, cancellationToken);
            existing = await orders.ReadAsync(existing.Id, cancellationToken) ?? existing;
        }

        return existing.Status == OrderStatus.Pending
            ? new IdempotencyClaim.InProgress(existing.Id)
            : new IdempotencyClaim.Replay(existing);
    }
}
