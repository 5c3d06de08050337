namespace Orders.Domain.Orders;

public enum OrderStatus
{
    Pending,
    Confirmed,
    Rejected,
    PaymentDeclined,
    Failed,
    Cancelled,

    /// <summary>The services answered what the placement policy can't reconcile; left for an operator.</summary>
    NeedsAttention,
}
