using System.Net;
using System.Text.Json;
using Orders.Domain.Orders;

namespace Orders.WebApi.FunctionalTests.Security;

/// <summary>With auth on, the token's subject is the user: nobody places, reads, cancels or lists for someone else.</summary>
public sealed class OwnershipTests
{
    private SecuredEdge _edge = null!;

    [SetUp]
    public void SetUp() => _edge = new SecuredEdge();

    [TearDown]
    public async Task TearDown() => await _edge.DisposeAsync();

    [Test]
    public async Task A_body_user_id_other_than_the_token_subject_is_403_problem_and_stores_nothing()
    {
        using var response = await _edge.PlaceAsync(TestTokens.For("u1"), """{"user_id":"u2","items":[{"product_id":"p1","quantity":1}]}""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((await Json(response)).GetProperty("type").GetString(), Is.EqualTo("/problems/forbidden"));
        Assert.That(_edge.Orders.Orders, Is.Empty);
    }

    [Test]
    public async Task An_omitted_user_id_is_taken_from_the_token()
    {
        using var response = await _edge.PlaceAsync(TestTokens.For("u1"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await Json(response)).GetProperty("user_id").GetString(), Is.EqualTo("u1"));
        Assert.That(_edge.Orders.Orders.Single().UserId, Is.EqualTo(new UserId("u1")));
    }

    [Test]
    public async Task A_body_user_id_equal_to_the_token_subject_is_accepted()
    {
        using var response = await _edge.PlaceAsync(TestTokens.For("u1"), """{"user_id":"u1","items":[{"product_id":"p1","quantity":1}]}""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task Another_users_order_is_404_to_read()
    {
        var id = await PlaceForAsync("u2");

        using var response = await _edge.SendAsync(HttpMethod.Get, $"/orders/{id}", TestTokens.For("u1"));
        using var own = await _edge.SendAsync(HttpMethod.Get, $"/orders/{id}", TestTokens.For("u2"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await Json(response)).GetProperty("type").GetString(), Is.EqualTo("/problems/not-found"));
        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Another_users_order_is_404_to_cancel_and_stays_confirmed()
    {
        var id = await PlaceForAsync("u2");

        using var response = await _edge.SendAsync(HttpMethod.Post, $"/orders/{id}/cancel", TestTokens.For("u1"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(_edge.Orders.Orders.Single().Status, Is.EqualTo(OrderStatus.Confirmed));
    }

    [Test]
    public async Task Listing_another_users_orders_is_403_problem()
    {
        await PlaceForAsync("u2");

        using var response = await _edge.SendAsync(HttpMethod.Get, "/orders?user_id=u2", TestTokens.For("u1"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await Json(response)).GetProperty("type").GetString(), Is.EqualTo("/problems/forbidden"));
    }

    [Test]
    public async Task Listing_without_user_id_lists_only_the_callers_orders()
    {
        var mine = await PlaceForAsync("u1");
        await PlaceForAsync("u2");

        using var response = await _edge.SendAsync(HttpMethod.Get, "/orders", TestTokens.For("u1"));

        var items = (await Json(response)).GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid());
        Assert.That(items, Is.EqualTo(new[] { mine }));
    }

    private async Task<Guid> PlaceForAsync(string userId)
    {
        using var response = await _edge.PlaceAsync(TestTokens.For(userId));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        return (await Json(response)).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
