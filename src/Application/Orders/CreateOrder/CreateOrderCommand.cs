using Mediator;

namespace Orders.Application.Orders.CreateOrder;

public sealed record CreateOrderCommand(string UserId, IReadOnlyList<CreateOrderItem> Items) : ICommand<CreateOrderResult>;

public sealed record CreateOrderItem(string ProductId, int Quantity);
