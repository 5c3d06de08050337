using Mediator;

namespace Orders.Application.Orders.Attention;

/// <summary>The orders left for an operator, the longest waiting first; at most <paramref name="Limit"/>.</summary>
public sealed record ListOrdersNeedingAttentionQuery(int Limit) : IQuery<IReadOnlyList<OrderDto>>;
