using Orders.Application.Orders;
using Orders.Domain.Common;
using Orders.Domain.Orders;

namespace Orders.UnitTests.Application;

public sealed class OrderDtoTests
{
    [TestCase(OrderStatus.Pending, "pending")]
    [TestCase(OrderStatus.Confirmed, "confirmed")]
    [TestCase(OrderStatus.Rejected, "rejected")]
    [TestCase(OrderStatus.PaymentDeclined, "payment_declined")]
    [TestCase(OrderStatus.Failed, "failed")]
    [TestCase(OrderStatus.Cancelled, "cancelled")]
    [TestCase(OrderStatus.NeedsAttention, "needs_attention")]
    public void Each_status_has_its_wire_name(OrderStatus status, string name) =>
        Assert.That(OrderStatusName.Of(status), Is.EqualTo(name));

    [Test]
    public void An_order_reads_with_its_priced_items_and_total()
    {
        var now = DateTimeOffset.UnixEpoch;
        var order = Order.Place(OrderId.New(), new UserId("u1"), [new(new ProductId("p1"), 3)], now);
        order.Price([new(new ProductId("p1"), new Money(1.5m, "EUR"))], now);

        var dto = OrderDto.From(order);

        Assert.That(dto, Is.EqualTo(new OrderDto(
            order.Id.Value, "u1", "pending", dto.Items, 4.5m, "EUR", null, now, now)));
        Assert.That(dto.Items, Is.EqualTo(new[] { new OrderItemDto("p1", 3, 1.5m) }));
    }
}
