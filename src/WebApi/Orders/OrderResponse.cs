using Orders.Application.Orders;

namespace Orders.WebApi.Orders;

/// <summary>An order as the REST contract shows it.</summary>
public sealed record OrderResponse(
    Guid Id,
    string UserId,
    string Status,
    IReadOnlyList<OrderItemResponse> Items,
    decimal? Total,
    string? Currency,
    string? StatusReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static OrderResponse From(OrderDto order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new OrderResponse(
            order.Id,
            order.UserId,
            order.Status,
            [.. order.Items.Select(item => new OrderItemResponse(item.ProductId, item.Quantity, item.UnitPrice))],
            order.Total,
            order.Currency,
            order.StatusReason,
            order.CreatedAt,
            order.UpdatedAt);
    }
}

public sealed record OrderItemResponse(string ProductId, int Quantity, decimal? UnitPrice);
