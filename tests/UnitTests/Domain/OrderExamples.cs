using Orders.Domain.Common;
using Orders.Domain.Orders;

namespace Orders.UnitTests.Domain;

/// <summary>Orders of two lines at each step of their life, and the times they take them, for the domain's tests.</summary>
internal static class OrderExamples
{
    public static readonly DateTimeOffset Placed = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Later = Placed.AddSeconds(1);
    public static readonly ProductId P1 = new("p1");
    public static readonly ProductId P2 = new("p2");

    public static Order PlaceOrder() => Order.Place(OrderId.New(), new UserId("u1"), [new(P1, 2), new(P2, 1)], Placed);

    public static Order PricedOrder()
    {
        var order = PlaceOrder();
        order.Price([new(P1, new Money(10m, "EUR")), new(P2, new Money(5m, "EUR"))], Placed);
        return order;
    }

    public static Order ConfirmedOrder()
    {
        var order = PricedOrder();
        order.Confirm(Placed);
        return order;
    }
}
