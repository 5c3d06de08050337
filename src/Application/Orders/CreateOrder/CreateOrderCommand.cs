using Mediator;

namespace Orders.Application.Orders.CreateOrder;

/// <summary>Place an order; with an <paramref name="IdempotencyKey"/>, retries of the same request place it once.</summary>
public sealed record CreateOrderCommand(string UserId, IReadOnlyList<CreateOrderItem> Items, string? IdempotencyKey = null)
    : ICommand<CreateOrderResult>;

public sealed record CreateOrderItem(string ProductId, int Quantity);
