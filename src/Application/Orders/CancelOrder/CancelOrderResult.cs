namespace Orders.Application.Orders.CancelOrder;

/// <summary>Every way cancelling an order can end; each maps to one HTTP answer.</summary>
public abstract record CancelOrderResult
{
    private CancelOrderResult()
    {
    }

    /// <summary>The order is cancelled: its stock is back and its payment refunded (also when it was cancelled before).</summary>
    public sealed record Cancelled(OrderDto Order) : CancelOrderResult;

    public sealed record NotFound : CancelOrderResult;

    /// <summary>
    /// Only a confirmed order can be cancelled; this one is not, and nothing was done. Also the answer when the
    /// cancellation found stock or payment not as confirmed: the order then needs attention.
    /// </summary>
    public sealed record NotCancellable(OrderDto Order) : CancelOrderResult;

    /// <summary>
    /// A dependency did not answer; the order is still confirmed. Whatever was given back stays given back, and a
    /// retry finishes the cancellation.
    /// </summary>
    public sealed record DependencyUnavailable(string Dependency, Guid OrderId) : CancelOrderResult;
}
