using Mediator;

namespace Orders.Application.Orders.Attention;

/// <summary>An operator's decision on an order that needs attention.</summary>
public sealed record ResolveOrderCommand(Guid OrderId, OrderResolution Resolution) : ICommand<ResolveOrderResult>;
