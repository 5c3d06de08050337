using Orders.Application.Abstractions;
using Orders.Application.Orders.ListOrders;
using Orders.Domain.Orders;

namespace Orders.UnitTests.Application;

public sealed class ListOrdersTests
{
    private readonly ListOrdersValidator _validator = new();
    private RecordingOrderRepository _orders = null!;
    private ListOrdersHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _orders = new RecordingOrderRepository();
        _handler = new ListOrdersHandler(_orders);
    }

    [Test]
    public async Task Pages_walk_through_every_order_newest_first_and_the_last_page_has_no_token()
    {
        var placed = Enumerable.Range(0, 5).Select(minute => Stored(OrderFixtures.Placed.AddMinutes(minute))).ToList();

        var first = await PageAsync(limit: 2, token: null);
        var second = await PageAsync(limit: 2, first.NextPageToken);
        var third = await PageAsync(limit: 2, second.NextPageToken);

        var expected = placed.AsEnumerable().Reverse().Select(order => order.Id.Value).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(first.Items.Select(order => order.Id), Is.EqualTo(expected.Take(2)));
            Assert.That(second.Items.Select(order => order.Id), Is.EqualTo(expected.Skip(2).Take(2)));
            Assert.That(third.Items.Select(order => order.Id), Is.EqualTo(expected.Skip(4)));
            Assert.That(third.NextPageToken, Is.Null);
        });
    }

    [Test]
    public async Task A_page_exactly_as_long_as_what_is_left_has_no_next_token()
    {
        Stored(OrderFixtures.Placed);
        Stored(OrderFixtures.Placed.AddMinutes(1));

        var page = await PageAsync(limit: 2, token: null);

        Assert.That(page.Items, Has.Count.EqualTo(2));
        Assert.That(page.NextPageToken, Is.Null);
    }

    [Test]
    public async Task Without_a_limit_a_page_holds_twenty_orders()
    {
        for (var minute = 0; minute < 25; minute++)
        {
            Stored(OrderFixtures.Placed.AddMinutes(minute));
        }

        var page = (ListOrdersResult.Page)await _handler.Handle(new ListOrdersQuery("u1", null, null), CancellationToken.None);

        Assert.That(page.Items, Has.Count.EqualTo(ListOrdersQuery.DefaultLimit));
        Assert.That(page.NextPageToken, Is.Not.Null);
    }

    [Test]
    public async Task Only_the_users_own_orders_are_listed()
    {
        Stored(OrderFixtures.Placed);
        _orders.Earlier.Add(OrderFixtures.Pending("u2"));

        var page = await PageAsync(limit: 10, token: null);

        Assert.That(page.Items.Select(order => order.UserId), Is.EqualTo(new[] { "u1" }));
    }

    [Test]
    public void A_page_token_carries_the_time_and_id_of_the_last_order()
    {
        var cursor = new OrderCursor(OrderFixtures.Placed.AddTicks(123_450), OrderId.New());

        var decoded = PageToken.TryDecode(PageToken.Encode(cursor), out var back);

        Assert.That(decoded, Is.True);
        Assert.That(back, Is.EqualTo(cursor));
    }

    [TestCase("not-a-token")]
    [TestCase("AAAA")]
    [TestCase("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!")]
    [TestCase("")]
    public void A_token_this_api_did_not_issue_does_not_decode(string token) =>
        Assert.That(PageToken.TryDecode(token, out _), Is.False);

    [Test]
    public void A_query_with_a_user_and_no_limit_or_token_is_valid() =>
        Assert.That(ErrorKeys(new ListOrdersQuery("u1", null, null)), Is.Empty);

    [TestCase(null)]
    [TestCase("")]
    public void The_user_id_is_required(string? userId) =>
        Assert.That(ErrorKeys(new ListOrdersQuery(userId, null, null)), Is.EqualTo(new[] { "UserId" }));

    [TestCase(0)]
    [TestCase(101)]
    [TestCase(-1)]
    public void A_limit_outside_one_to_a_hundred_is_invalid(int limit) =>
        Assert.That(ErrorKeys(new ListOrdersQuery("u1", limit, null)), Is.EqualTo(new[] { "Limit" }));

    [TestCase(1)]
    [TestCase(100)]
    public void A_limit_inside_one_to_a_hundred_is_valid(int limit) =>
        Assert.That(ErrorKeys(new ListOrdersQuery("u1", limit, null)), Is.Empty);

    [Test]
    public void A_page_token_this_api_did_not_issue_is_invalid() =>
        Assert.That(ErrorKeys(new ListOrdersQuery("u1", null, "bogus")), Is.EqualTo(new[] { "PageToken" }));

    [Test]
    public void A_page_token_this_api_issued_is_valid() =>
        Assert.That(ErrorKeys(new ListOrdersQuery("u1", null, PageToken.Encode(new OrderCursor(OrderFixtures.Placed, OrderId.New())))), Is.Empty);

    private Order Stored(DateTimeOffset createdAt)
    {
        var order = OrderFixtures.Pending("u1", createdAt);
        _orders.Earlier.Add(order);
        return order;
    }

    private async Task<ListOrdersResult.Page> PageAsync(int limit, string? token) =>
        (ListOrdersResult.Page)await _handler.Handle(new ListOrdersQuery("u1", limit, token), CancellationToken.None);

    private string[] ErrorKeys(ListOrdersQuery query) =>
        [.. _validator.Validate(query).Errors.Select(error => error.PropertyName).Distinct()];
}
