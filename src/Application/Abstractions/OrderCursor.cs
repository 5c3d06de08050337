using Orders.Domain.Orders;

namespace Orders.Application.Abstractions;

/// <summary>Where a page of a user's orders ended: the next page starts with the order just older than this one.</summary>
public sealed record OrderCursor(DateTimeOffset CreatedAt, OrderId OrderId);
