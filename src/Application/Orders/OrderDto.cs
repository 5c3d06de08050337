using Orders.Domain.Orders;

namespace Orders.Application.Orders;

/// <summary>An order as the outside world reads it.</summary>
public sealed record OrderDto(
    Guid Id,
    string UserId,
    string Status,
    IReadOnlyList<OrderItemDto> Items,
    decimal? Total,
    string? Currency,
    string? StatusReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static OrderDto From(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new OrderDto(
            order.Id.Value,
            order.UserId.Value,
            OrderStatusName.Of(order.Status),
            [.. order.Lines.Select(line => new OrderItemDto(line.ProductId.Value, line.Quantity, line.UnitPrice?.Amount))],
            order.Total?.Amount,
            order.Currency,
            order.StatusReason,
            order.CreatedAt,
            order.UpdatedAt);
    }
}

public sealed record OrderItemDto(string ProductId, int Quantity, decimal? UnitPrice);
