using Orders.Domain.Common;
using Orders.Domain.Orders;
using static Orders.UnitTests.Domain.OrderExamples;

namespace Orders.UnitTests.Domain;

/// <summary>An order that neither the services nor recovery can settle waits for an operator, with its reason.</summary>
public sealed class OrderNeedsAttentionTests
{
    [Test]
    public void A_pending_order_that_cannot_be_reconciled_needs_attention_with_its_reason()
    {
        var order = PlaceOrder();

        order.NeedAttention("the stock is committed, but the payment is none", Later);

        Assert.Multiple(() =>
        {
            Assert.That(order.Status, Is.EqualTo(OrderStatus.NeedsAttention));
            Assert.That(order.StatusReason, Is.EqualTo("the stock is committed, but the payment is none"));
            Assert.That(order.UpdatedAt, Is.EqualTo(Later));
        });
    }

    [Test]
    public void A_confirmed_order_whose_cancellation_finds_stock_or_payment_not_as_confirmed_needs_attention()
    {
        var order = ConfirmedOrder();

        order.NeedAttention("cancelling found the reservation released", Later);

        Assert.That(order.Status, Is.EqualTo(OrderStatus.NeedsAttention));
    }

    [Test]
    public void An_order_that_needs_attention_again_takes_the_newer_reason()
    {
        var order = PlaceOrder();
        order.NeedAttention("first", Later);

        order.NeedAttention("second", Later.AddMinutes(1));

        Assert.That((order.Status, order.StatusReason, order.UpdatedAt), Is.EqualTo((OrderStatus.NeedsAttention, "second", Later.AddMinutes(1))));
    }

    [Test]
    public void An_order_that_ended_otherwise_cannot_need_attention()
    {
        var rejected = PlaceOrder();
        rejected.Reject("short", Later);
        var failed = PlaceOrder();
        failed.Fail("down", Later);
        var cancelled = ConfirmedOrder();
        cancelled.Cancel(Later);

        Assert.Multiple(() =>
        {
            foreach (var order in new[] { rejected, failed, cancelled })
            {
                Assert.That(() => order.NeedAttention("late", Later), Throws.InstanceOf<InvalidOrderTransitionException>());
            }
        });
        Assert.That(new[] { rejected, failed, cancelled }.Select(order => order.Status), Is.EqualTo(new[] { OrderStatus.Rejected, OrderStatus.Failed, OrderStatus.Cancelled }));
    }

    [Test]
    public void An_operator_can_end_an_order_that_needs_attention_confirmed_or_failed()
    {
        var confirmed = PlaceOrder();
        confirmed.NeedAttention("payment approved, reservation none", Later);
        var failed = PricedOrder();
        failed.NeedAttention("stock committed, payment none", Later);

        confirmed.Price([new(P1, new Money(10m, "EUR")), new(P2, new Money(5m, "EUR"))], Later);
        confirmed.Confirm(Later);
        failed.Fail("settled by an operator", Later);

        Assert.Multiple(() =>
        {
            Assert.That((confirmed.Status, confirmed.StatusReason, confirmed.Total), Is.EqualTo((OrderStatus.Confirmed, (string?)null, (Money?)new Money(25m, "EUR"))));
            Assert.That((failed.Status, failed.StatusReason), Is.EqualTo((OrderStatus.Failed, "settled by an operator")));
        });
    }

    [Test]
    public void An_order_that_needs_attention_cannot_be_cancelled()
    {
        var order = ConfirmedOrder();
        order.NeedAttention("cancelling found the reservation released", Later);

        Assert.That(() => order.Cancel(Later), Throws.InstanceOf<InvalidOrderTransitionException>());
        Assert.That(order.Status, Is.EqualTo(OrderStatus.NeedsAttention));
    }
}
