namespace Orders.Domain.Orders;

/// <summary>A state change the order's lifecycle does not allow: always a bug in the caller.</summary>
public sealed class InvalidOrderTransitionException(OrderId orderId, OrderStatus status, string attempted)
    : InvalidOperationException($"Order {orderId} is {status}; it cannot {attempted}.")
{
    public OrderId OrderId { get; } = orderId;

    public OrderStatus Status { get; } = status;
}
