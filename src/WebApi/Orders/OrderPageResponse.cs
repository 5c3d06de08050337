namespace Orders.WebApi.Orders;

/// <summary>A page of orders, newest first; pass <c>next_page_token</c> back as <c>page_token</c> for the next page (null on the last).</summary>
public sealed record OrderPageResponse(IReadOnlyList<OrderResponse> Items, string? NextPageToken);
