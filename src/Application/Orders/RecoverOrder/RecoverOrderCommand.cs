using Mediator;

namespace Orders.Application.Orders.RecoverOrder;

/// <summary>Drives an order left pending (a crash or an outage between saga steps) to an end.</summary>
public sealed record RecoverOrderCommand(Guid OrderId) : ICommand<RecoverOrderResult>;
