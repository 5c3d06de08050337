namespace Orders.Application.Orders.Attention;

/// <summary>Every way an operator's decision can end; each maps to one HTTP answer.</summary>
public abstract record ResolveOrderResult
{
    private ResolveOrderResult()
    {
    }

    /// <summary>The policy ran: the order is stored with its new status (needs_attention again when it still can't be reconciled).</summary>
    public sealed record Resolved(OrderDto Order) : ResolveOrderResult;

    public sealed record NotFound : ResolveOrderResult;

    /// <summary>The order does not need attention (any more); nothing was done.</summary>
    public sealed record NotNeedingAttention(OrderDto Order) : ResolveOrderResult;

    /// <summary>A service or the order store did not answer; the order still needs attention.</summary>
    public sealed record DependencyUnavailable(string Dependency, Guid OrderId) : ResolveOrderResult;
}
