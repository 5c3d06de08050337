using Mediator;
using Orders.Application.Abstractions;
using Orders.Domain.Orders;

namespace Orders.Application.Orders.ListOrders;

/// <summary>Keyset pagination over (created_at, id) descending: a page never skips or repeats an order, however many share a time.</summary>
public sealed class ListOrdersHandler(IOrderRepository orders) : IQueryHandler<ListOrdersQuery, ListOrdersResult>
{
    public async ValueTask<ListOrdersResult> Handle(ListOrdersQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = query.Limit ?? ListOrdersQuery.DefaultLimit;
        OrderCursor? after = query.PageToken is not null && PageToken.TryDecode(query.PageToken, out var cursor) ? cursor : null;

        // One more than the page holds tells whether another page follows.
        var found = await orders.ListByUserAsync(new UserId(query.UserId!), after, limit + 1, cancellationToken);
        var page = found.Take(limit).ToList();
        var next = found.Count > limit ? PageToken.Encode(new OrderCursor(page[^1].CreatedAt, page[^1].Id)) : null;
        return new ListOrdersResult.Page([.. page.Select(OrderDto.From)], next);
    }
}
