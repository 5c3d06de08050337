using Mediator;

namespace Orders.Application.Orders.ListOrders;

/// <summary>A page of a user's orders, newest first; <paramref name="PageToken"/> is the previous page's <c>next_page_token</c>.</summary>
public sealed record ListOrdersQuery(string? UserId, int? Limit, string? PageToken) : IQuery<ListOrdersResult>
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
}
