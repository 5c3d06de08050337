namespace Orders.Domain.Orders;

public enum OrderStatus
{
    Pending,
    Confirmed,
    Rejected,
    PaymentDeclined,
    Failed,
    Cancelled,
}
