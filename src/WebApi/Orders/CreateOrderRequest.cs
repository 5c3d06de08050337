namespace Orders.WebApi.Orders;

/// <summary>The body of <c>POST /orders</c>. Fields are nullable so that a missing one is a validation error, not a crash.</summary>
public sealed record CreateOrderRequest(string? UserId, IReadOnlyList<CreateOrderRequestItem?>? Items);

public sealed record CreateOrderRequestItem(string? ProductId, int Quantity);
