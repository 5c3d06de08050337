using Orders.Application.Orders.GetOrder;

namespace Orders.UnitTests.Application;

public sealed class GetOrderHandlerTests
{
    private readonly RecordingOrderRepository _orders = new();

    [Test]
    public async Task An_order_requested_by_its_owner_is_found()
    {
        var order = OrderFixtures.Confirmed(userId: "u1");
        _orders.Earlier.Add(order);

        var found = await new GetOrderHandler(_orders).Handle(new GetOrderQuery(order.Id.Value, RequestedBy: "u1"), CancellationToken.None);

        Assert.That(found?.Id, Is.EqualTo(order.Id.Value));
    }

    [Test]
    public async Task An_order_requested_by_another_user_is_not_found()
    {
        var order = OrderFixtures.Confirmed(userId: "u2");
        _orders.Earlier.Add(order);

        var found = await new GetOrderHandler(_orders).Handle(new GetOrderQuery(order.Id.Value, RequestedBy: "u1"), CancellationToken.None);

        Assert.That(found, Is.Null);
    }

    [Test]
    public async Task Without_a_requester_any_order_is_found()
    {
        var order = OrderFixtures.Confirmed(userId: "u2");
        _orders.Earlier.Add(order);

        var found = await new GetOrderHandler(_orders).Handle(new GetOrderQuery(order.Id.Value), CancellationToken.None);

        Assert.That(found, Is.Not.Null);
    }
}
