using Mediator;

namespace Orders.Application.Orders.CancelOrder;

public sealed record CancelOrderCommand(Guid OrderId) : ICommand<CancelOrderResult>;
