using Mediator;

namespace Orders.Application.Orders.GetOrder;

/// <summary>Reads one order; with <paramref name="RequestedBy"/>, only that user's order is found.</summary>
public sealed record GetOrderQuery(Guid OrderId, string? RequestedBy = null) : IQuery<OrderDto?>;
