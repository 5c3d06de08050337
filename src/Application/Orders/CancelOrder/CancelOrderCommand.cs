using Mediator;

namespace Orders.Application.Orders.CancelOrder;

/// <summary>Cancels an order; with <paramref name="RequestedBy"/>, someone else's order is not found.</summary>
public sealed record CancelOrderCommand(Guid OrderId, string? RequestedBy = null) : ICommand<CancelOrderResult>;
