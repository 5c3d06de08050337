using Orders.Domain.Orders;

namespace Orders.Application.Orders;

/// <summary>The names clients see for each status (<c>payment_declined</c>), in one place.</summary>
public static class OrderStatusName
{
    public static string Of(OrderStatus status) => status switch
    {
        OrderStatus.Pending => "pending",
        OrderStatus.Confirmed => "confirmed",
        OrderStatus.Rejected => "rejected",
        OrderStatus.PaymentDeclined => "payment_declined",
        OrderStatus.Failed => "failed",
        OrderStatus.Cancelled => "cancelled",
        OrderStatus.NeedsAttention => "needs_attention",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown order status."),
    };
}
