using Orders.Domain.Common;
using Orders.Domain.Orders;
using static Orders.UnitTests.Domain.OrderExamples;

namespace Orders.UnitTests.Domain;

public sealed class OrderTests
{
    [Test]
    public void A_placed_order_is_pending_with_its_lines_and_no_total()
    {
        var order = PlaceOrder();

        Assert.Multiple(() =>
        {
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Pending));
            Assert.That(order.Lines.Select(line => (line.ProductId, line.Quantity)), Is.EqualTo(new[] { (P1, 2), (P2, 1) }));
            Assert.That(order.Lines.All(line => line.UnitPrice is null), Is.True);
            Assert.That(order.Total, Is.Null);
            Assert.That(order.CreatedAt, Is.EqualTo(Placed));
            Assert.That(order.UpdatedAt, Is.EqualTo(Placed));
        });
    }

    [Test]
    public void An_order_needs_at_least_one_line() =>
        Assert.That(() => Order.Place(OrderId.New(), new UserId("u1"), [], Placed), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public void An_order_has_at_most_a_hundred_lines()
    {
        var lines = Enumerable.Range(0, Order.MaxLines + 1).Select(i => new RequestedLine(new ProductId($"p{i}"), 1)).ToList();

        Assert.That(() => Order.Place(OrderId.New(), new UserId("u1"), lines, Placed), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(Order.Place(OrderId.New(), new UserId("u1"), lines[..Order.MaxLines], Placed).Lines, Has.Count.EqualTo(Order.MaxLines));
    }

    [Test]
    public void An_order_names_each_product_once() =>
        Assert.That(
            () => Order.Place(OrderId.New(), new UserId("u1"), [new(P1, 1), new(P1, 2)], Placed),
            Throws.ArgumentException);

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(10_001)]
    public void A_line_quantity_outside_one_to_ten_thousand_is_refused(int quantity) =>
        Assert.That(
            () => Order.Place(OrderId.New(), new UserId("u1"), [new(P1, quantity)], Placed),
            Throws.InstanceOf<ArgumentOutOfRangeException>());

    [TestCase(1)]
    [TestCase(10_000)]
    public void A_line_quantity_at_the_bounds_is_accepted(int quantity) =>
        Assert.That(Order.Place(OrderId.New(), new UserId("u1"), [new(P1, quantity)], Placed).Lines[0].Quantity, Is.EqualTo(quantity));

    [Test]
    public void Pricing_gives_each_line_its_unit_price_and_totals_the_order()
    {
        var order = PlaceOrder();

        order.Price([new(P1, new Money(9.99m, "EUR")), new(P2, new Money(20m, "EUR"))], Later);

        Assert.Multiple(() =>
        {
            Assert.That(order.Lines[0].UnitPrice, Is.EqualTo(new Money(9.99m, "EUR")));
            Assert.That(order.Lines[0].Subtotal, Is.EqualTo(new Money(19.98m, "EUR")));
            Assert.That(order.Total, Is.EqualTo(new Money(39.98m, "EUR")));
            Assert.That(order.Currency, Is.EqualTo("EUR"));
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Pending));
            Assert.That(order.UpdatedAt, Is.EqualTo(Later));
        });
    }

    [Test]
    public void Pricing_must_price_every_line_or_changes_nothing()
    {
        var order = PlaceOrder();

        Assert.That(() => order.Price([new(P1, new Money(1m, "EUR"))], Later), Throws.ArgumentException);
        Assert.Multiple(() =>
        {
            Assert.That(order.Total, Is.Null);
            Assert.That(order.Lines.All(line => line.UnitPrice is null), Is.True);
        });
    }

    [Test]
    public void Prices_in_two_currencies_are_refused_and_change_nothing()
    {
        var order = PlaceOrder();

        Assert.That(
            () => order.Price([new(P1, new Money(1m, "EUR")), new(P2, new Money(1m, "USD"))], Later),
            Throws.InvalidOperationException);
        Assert.Multiple(() =>
        {
            Assert.That(order.Total, Is.Null);
            Assert.That(order.Lines.All(line => line.UnitPrice is null), Is.True);
        });
    }

    [Test]
    public void The_happy_path_ends_confirmed()
    {
        var order = PricedOrder();

        order.Confirm(Later.AddSeconds(1));

        Assert.Multiple(() =>
        {
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Confirmed));
            Assert.That(order.StatusReason, Is.Null);
            Assert.That(order.UpdatedAt, Is.EqualTo(Later.AddSeconds(1)));
        });
    }

    [Test]
    public void An_order_cannot_be_confirmed_before_it_is_priced()
    {
        var order = PlaceOrder();

        Assert.That(() => order.Confirm(Later), Throws.InstanceOf<InvalidOrderTransitionException>());
        Assert.That(order.Status, Is.EqualTo(OrderStatus.Pending));
    }

    [Test]
    public void An_ended_order_cannot_be_priced_again()
    {
        var order = ConfirmedOrder();

        Assert.That(
            () => order.Price([new(P1, new Money(1m, "EUR")), new(P2, new Money(1m, "EUR"))], Later),
            Throws.InstanceOf<InvalidOrderTransitionException>());
        Assert.That(order.Total, Is.EqualTo(new Money(25m, "EUR")));
    }

    [Test]
    public void A_placed_order_can_be_rejected_with_its_reason()
    {
        var order = PlaceOrder();

        order.Reject("insufficient stock of p1", Later);

        Assert.Multiple(() =>
        {
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Rejected));
            Assert.That(order.StatusReason, Is.EqualTo("insufficient stock of p1"));
            Assert.That(order.UpdatedAt, Is.EqualTo(Later));
        });
    }

    [Test]
    public void A_priced_order_can_have_its_payment_declined()
    {
        var order = PricedOrder();

        order.DeclinePayment("card declined", Later);

        Assert.That(order.Status, Is.EqualTo(OrderStatus.PaymentDeclined));
        Assert.That(order.StatusReason, Is.EqualTo("card declined"));
    }

    [Test]
    public void A_pending_order_can_fail_priced_or_not()
    {
        var unpriced = PlaceOrder();
        var priced = PricedOrder();

        foreach (var order in new[] { unpriced, priced })
        {
            order.Fail("payment: unavailable", Later);
        }

        Assert.That(new[] { unpriced, priced }.Select(order => order.Status), Is.All.EqualTo(OrderStatus.Failed));
    }

    [Test]
    public void A_reason_longer_than_the_limit_is_cut_to_it()
    {
        var order = PlaceOrder();

        order.Fail(new string('x', Order.MaxReasonLength + 10), Later);

        Assert.That(order.StatusReason, Has.Length.EqualTo(Order.MaxReasonLength));
    }

    [Test]
    public void An_ended_order_cannot_change_its_outcome()
    {
        var order = ConfirmedOrder();

        Assert.Multiple(() =>
        {
            Assert.That(() => order.Fail("late", Later), Throws.InstanceOf<InvalidOrderTransitionException>());
            Assert.That(() => order.Reject("late", Later), Throws.InstanceOf<InvalidOrderTransitionException>());
            Assert.That(() => order.DeclinePayment("late", Later), Throws.InstanceOf<InvalidOrderTransitionException>());
            Assert.That(() => order.Confirm(Later), Throws.InstanceOf<InvalidOrderTransitionException>());
        });
        Assert.That(order.Status, Is.EqualTo(OrderStatus.Confirmed));
    }

    [Test]
    public void A_confirmed_order_can_be_cancelled_once()
    {
        var order = ConfirmedOrder();

        order.Cancel(Later.AddMinutes(1));

        Assert.That(order.Status, Is.EqualTo(OrderStatus.Cancelled));
        Assert.That(order.UpdatedAt, Is.EqualTo(Later.AddMinutes(1)));
        Assert.That(() => order.Cancel(Later), Throws.InstanceOf<InvalidOrderTransitionException>());
    }

    [Test]
    public void Only_a_confirmed_order_can_be_cancelled()
    {
        var pending = PlaceOrder();
        var rejected = PlaceOrder();
        rejected.Reject("short", Later);

        Assert.That(() => pending.Cancel(Later), Throws.InstanceOf<InvalidOrderTransitionException>());
        Assert.That(() => rejected.Cancel(Later), Throws.InstanceOf<InvalidOrderTransitionException>());
    }

    [Test]
    public void A_refused_transition_names_the_order_and_its_status()
    {
        var order = ConfirmedOrder();

        var exception = Assert.Throws<InvalidOrderTransitionException>(() => order.Reject("late", Later));

        Assert.That(exception!.OrderId, Is.EqualTo(order.Id));
        Assert.That(exception.Status, Is.EqualTo(OrderStatus.Confirmed));
        Assert.That(exception.Message, Does.Contain(order.Id.ToString()));
    }

    [Test]
    public void Order_ids_are_unique_time_ordered_uuids()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => OrderId.New()).ToList();

        Assert.That(ids.Distinct().Count(), Is.EqualTo(ids.Count));
        Assert.That(ids.Select(id => id.Value.Version), Is.All.EqualTo(7));
    }
}
