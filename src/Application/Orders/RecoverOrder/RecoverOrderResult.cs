using Orders.Domain.Orders;

namespace Orders.Application.Orders.RecoverOrder;

/// <summary>Every way recovering an order can end.</summary>
public abstract record RecoverOrderResult
{
    private RecoverOrderResult()
    {
    }

    /// <summary>The order reached <paramref name="Status"/> (final, or needs_attention); stock and payment agree with it.</summary>
    public sealed record Ended(OrderStatus Status) : RecoverOrderResult;

    /// <summary>A dependency did not answer, or the outcome could not be stored; the order stays pending for the next round.</summary>
    public sealed record LeftPending(string Reason) : RecoverOrderResult;

    /// <summary>There is no such order, or it is no longer pending.</summary>
    public sealed record NotPending : RecoverOrderResult;
}
