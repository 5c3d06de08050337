using Orders.Domain.Common;
using Orders.Domain.Orders;

namespace Orders.UnitTests.Domain;

/// <summary>A transition the lifecycle refuses says which order, where it stands and what was attempted: the log of a bug names all three.</summary>
public sealed class OrderTransitionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    public static IEnumerable<TestCaseData> RefusedOnAnEndedOrder()
    {
        yield return new TestCaseData((Action<Order>)(order => order.Price([new PricedLine(new ProductId("p1"), new Money(1m, "EUR"))], Now)), "be priced");
        yield return new TestCaseData((Action<Order>)(order => order.Confirm(Now)), "be confirmed");
        yield return new TestCaseData((Action<Order>)(order => order.Reject("short", Now)), "be rejected");
        yield return new TestCaseData((Action<Order>)(order => order.DeclinePayment("card expired", Now)), "have its payment declined");
        yield return new TestCaseData((Action<Order>)(order => order.Fail("down", Now)), "fail");
        yield return new TestCaseData((Action<Order>)(order => order.Cancel(Now)), "be cancelled");
        yield return new TestCaseData((Action<Order>)(order => order.NeedAttention("odd", Now)), "need attention");
    }

    [TestCaseSource(nameof(RefusedOnAnEndedOrder))]
    public void A_failed_order_refuses_every_transition_naming_it(Action<Order> transition, string attempted)
    {
        var order = Order.Place(OrderId.New(), new UserId("u1"), [new RequestedLine(new ProductId("p1"), 1)], Now);
        order.Fail("inventory: down", Now);

        var refused = Assert.Throws<InvalidOrderTransitionException>(() => transition(order));

        Assert.That(refused!.Message, Is.EqualTo($"Order {order.Id} is Failed; it cannot {attempted}."));
        Assert.That((refused.OrderId, refused.Status), Is.EqualTo((order.Id, OrderStatus.Failed)));
    }

    [Test]
    public void A_pending_order_without_prices_cannot_be_confirmed()
    {
        var order = Order.Place(OrderId.New(), new UserId("u1"), [new RequestedLine(new ProductId("p1"), 1)], Now);

        var refused = Assert.Throws<InvalidOrderTransitionException>(() => order.Confirm(Now));

        Assert.That(refused!.Message, Does.EndWith("it cannot be confirmed without prices."));
    }

    [TestCase(Order.MaxReasonLength, Order.MaxReasonLength)]
    [TestCase(Order.MaxReasonLength + 1, Order.MaxReasonLength)]
    public void A_reason_is_kept_up_to_its_maximum_length(int length, int kept)
    {
        var order = Order.Place(OrderId.New(), new UserId("u1"), [new RequestedLine(new ProductId("p1"), 1)], Now);

        order.Fail(new string('r', length), Now);

        Assert.That(order.StatusReason, Has.Length.EqualTo(kept));
    }
}
