using Orders.Application.Common;

namespace Orders.Application.Orders.ListOrders;

public abstract record ListOrdersResult : IValidatedResult<ListOrdersResult>
{
    private ListOrdersResult()
    {
    }

    public static ListOrdersResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new Rejected(errors);

    /// <summary>Orders, newest first; <paramref name="NextPageToken"/> is null on the last page.</summary>
    public sealed record Page(IReadOnlyList<OrderDto> Items, string? NextPageToken) : ListOrdersResult;

    /// <summary>The query broke a rule (no user, a limit out of range, a token this API did not issue).</summary>
    public sealed record Rejected(IReadOnlyDictionary<string, string[]> Errors) : ListOrdersResult;
}
