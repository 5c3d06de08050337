using Orders.Domain.Orders;

namespace Orders.Application.Orders.CreateOrder;

/// <summary>What claiming an idempotency key for a new order found.</summary>
internal abstract record IdempotencyClaim
{
    private IdempotencyClaim()
    {
    }

    /// <summary>The key is this order's now: place it.</summary>
    public sealed record Claimed : IdempotencyClaim;

    /// <summary>An earlier request with the same key and body placed this order, and its saga has ended.</summary>
    public sealed record Replay(Order Order) : IdempotencyClaim;

    /// <summary>The key was used for a request that asked for something else.</summary>
    public sealed record KeyReused : IdempotencyClaim;

    /// <summary>An earlier request with this key is still placing its order.</summary>
    public sealed record InProgress(OrderId OrderId) : IdempotencyClaim;
}
