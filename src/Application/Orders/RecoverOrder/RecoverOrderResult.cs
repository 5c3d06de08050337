using Orders.Domain.Orders;

namespace Orders.Application.Orders.RecoverOrder;

/// <summary>Every way recovering an order can end.</summary>
public abstract record RecoverOrderResult
{
    public static readonly RecoverOrderResult NothingToDo = new NotPending();

    private RecoverOrderResult()
    {
    }

    /// <summary>The order reached <paramref name="Status"/>; stock and payment agree with it.</summary>
    public sealed record Finished(OrderStatus Status) : RecoverOrderResult;

    /// <summary>A dependency did not answer, or answered what recovery must not decide alone; the order stays pending.</summary>
    public sealed record LeftPending(OrderProgress Progress, string Reason) : RecoverOrderResult;

    /// <summary>There is no such order, or it is no longer pending.</summary>
    public sealed record NotPending : RecoverOrderResult;
}
