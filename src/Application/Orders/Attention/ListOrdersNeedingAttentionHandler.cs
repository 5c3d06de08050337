using Mediator;
using Orders.Application.Abstractions;
using Orders.Domain.Orders;

namespace Orders.Application.Orders.Attention;

public sealed class ListOrdersNeedingAttentionHandler(IOrderRepository orders)
    : IQueryHandler<ListOrdersNeedingAttentionQuery, IReadOnlyList<OrderDto>>
{
    public async ValueTask<IReadOnlyList<OrderDto>> Handle(ListOrdersNeedingAttentionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var found = await orders.ListByStatusAsync(OrderStatus.NeedsAttention, query.Limit, cancellationToken);
        return [.. found.Select(OrderDto.From)];
    }
}
