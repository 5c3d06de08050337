using System.Net;
using System.Text.Json;
using NSubstitute;
using Orders.Application.Abstractions;

namespace Orders.WebApi.FunctionalTests.Security;

/// <summary>
/// An order the services leave irreconcilable ends needs_attention; an operator (role admin) lists it and pushes it
/// to an end with the same placement policy.
/// </summary>
public sealed class OrdersNeedingAttentionTests
{
    private static readonly string Admin = TestTokens.For("ops", "admin");
    private SecuredEdge _edge = null!;

    [SetUp]
    public void SetUp()
    {
        // Declined, yet the stock is sold: the release is refused and the payment provider still says declined.
        _edge = new SecuredEdge();
        _edge.Payment.ChargeAsync(default!, default).ReturnsForAnyArgs(new PaymentState.Declined("card expired"));
        _edge.Payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(new PaymentState.Declined("card expired"));
        _edge.Inventory.ReleaseAsync(default, default).ReturnsForAnyArgs(new ReservationState.Committed());
    }

    [TearDown]
    public async Task TearDown() => await _edge.DisposeAsync();

    [Test]
    public async Task An_irreconcilable_placement_answers_502_and_stores_the_order_as_needs_attention_with_what_is_known()
    {
        using var response = await _edge.PlaceAsync(TestTokens.For("u1"));

        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var orderId = problem.RootElement.GetProperty("order_id").GetGuid();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(problem.RootElement.GetProperty("type").GetString(), Is.EqualTo("/problems/order-needs-attention"));
        using var order = await GetAsync($"/orders/{orderId}", TestTokens.For("u1"));
        Assert.That(order.RootElement.GetProperty("status").GetString(), Is.EqualTo("needs_attention"));
        Assert.That(order.RootElement.GetProperty("status_reason").GetString(), Does.Contain("committed").And.Contain("declined"));
    }

    [Test]
    public async Task Only_an_admin_lists_the_orders_that_need_attention()
    {
        var orderId = await PlaceIrreconcilableAsync();

        using var forbidden = await _edge.SendAsync(HttpMethod.Get, "/admin/orders/needs-attention", TestTokens.For("u1"));
        using var listed = await GetAsync("/admin/orders/needs-attention", Admin);

        Assert.That(forbidden.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(listed.RootElement.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()), Is.EqualTo(new[] { orderId }));
    }

    [Test]
    public async Task Settling_returns_the_sold_stock_ends_the_order_failed_and_takes_it_off_the_list()
    {
        var orderId = await PlaceIrreconcilableAsync();

        using var settled = await _edge.SendAsync(HttpMethod.Post, $"/admin/orders/{orderId}/settle", Admin);
        using var body = JsonDocument.Parse(await settled.Content.ReadAsStringAsync());
        using var listed = await GetAsync("/admin/orders/needs-attention", Admin);

        Assert.That(settled.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.RootElement.GetProperty("status").GetString(), Is.EqualTo("failed"));
        Assert.That(body.RootElement.GetProperty("status_reason").GetString(), Does.StartWith("settled by an operator"));
        Assert.That(listed.RootElement.GetProperty("items").GetArrayLength(), Is.Zero);
        await _edge.Inventory.ReceivedWithAnyArgs(1).ReturnAsync(default, default);
    }

    [Test]
    public async Task Retrying_once_the_services_agree_ends_the_order_as_they_say()
    {
        var orderId = await PlaceIrreconcilableAsync();
        _edge.Payment.GetPaymentAsync(default, default).ReturnsForAnyArgs(new PaymentState.Approved());
        _edge.Inventory.GetReservationAsync(default, default).ReturnsForAnyArgs(
            new ReservationState.Committed { Prices = [new(new Domain.Orders.ProductId("p1"), new Domain.Common.Money(9.99m, "EUR"))] });

        using var retried = await _edge.SendAsync(HttpMethod.Post, $"/admin/orders/{orderId}/retry", Admin);
        using var body = JsonDocument.Parse(await retried.Content.ReadAsStringAsync());

        Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.RootElement.GetProperty("status").GetString(), Is.EqualTo("confirmed"));
        await _edge.Payment.DidNotReceiveWithAnyArgs().RefundAsync(default, default);
    }

    [Test]
    public async Task An_order_that_does_not_need_attention_is_not_settled_409_and_unchanged()
    {
        var orderId = await PlaceIrreconcilableAsync();
        using var first = await _edge.SendAsync(HttpMethod.Post, $"/admin/orders/{orderId}/settle", Admin);

        using var again = await _edge.SendAsync(HttpMethod.Post, $"/admin/orders/{orderId}/settle", Admin);
        using var problem = JsonDocument.Parse(await again.Content.ReadAsStringAsync());

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(problem.RootElement.GetProperty("type").GetString(), Is.EqualTo("/problems/order-not-needing-attention"));
        Assert.That(problem.RootElement.GetProperty("order_status").GetString(), Is.EqualTo("failed"));
    }

    [Test]
    public async Task Settling_an_unknown_order_is_404()
    {
        using var response = await _edge.SendAsync(HttpMethod.Post, $"/admin/orders/{Guid.NewGuid()}/settle", Admin);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private async Task<Guid> PlaceIrreconcilableAsync()
    {
        using var response = await _edge.PlaceAsync(TestTokens.For("u1"));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        return problem.RootElement.GetProperty("order_id").GetGuid();
    }

    private async Task<JsonDocument> GetAsync(string path, string token)
    {
        using var response = await _edge.SendAsync(HttpMethod.Get, path, token);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
