using Orders.Domain.Orders;

namespace Orders.Application.Orders;

internal static class OrderOwnership
{
    /// <summary>No requester (authentication off) sees every order; a requester sees only their own.</summary>
    public static bool IsOwnedBy(this Order order, string? requestedBy) =>
        requestedBy is null || string.Equals(order.UserId.Value, requestedBy, StringComparison.Ordinal);
}
