using Orders.Domain.Common;
using Orders.Domain.Orders;

namespace Orders.UnitTests.Application;

/// <summary>Orders in the states the lifecycle tests start from.</summary>
internal static class OrderFixtures
{
    public static readonly DateTimeOffset Placed = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public static Order Pending(string userId = "u1", DateTimeOffset? createdAt = null) =>
        Order.Place(OrderId.New(), new UserId(userId), [new(new ProductId("p1"), 2)], createdAt ?? Placed);

    public static Order Confirmed(string userId = "u1", DateTimeOffset? createdAt = null)
    {
        var order = Pending(userId, createdAt);
        order.Price([new PricedLine(new ProductId("p1"), new Money(10m, "EUR"))], Placed);
        order.Confirm(Placed);
        return order;
    }

    public static Order Rejected()
    {
        var order = Pending();
        order.Reject("insufficient stock of p1", Placed);
        return order;
    }
}
