using Mediator;
using Orders.Application.Abstractions;
using Orders.Domain.Orders;

namespace Orders.Application.Orders.GetOrder;

/// <summary>Reads one order; null when there is none, or when it belongs to someone other than the requester.</summary>
public sealed class GetOrderHandler(IOrderRepository orders) : IQueryHandler<GetOrderQuery, OrderDto?>
{
    public async ValueTask<OrderDto?> Handle(GetOrderQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var order = await orders.FindAsync(new OrderId(query.OrderId), cancellationToken);
        return order is null || !order.IsOwnedBy(query.RequestedBy) ? null : OrderDto.From(order);
    }
}
