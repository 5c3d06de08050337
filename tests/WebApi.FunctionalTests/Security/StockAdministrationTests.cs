using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NSubstitute;
using Orders.Application.Abstractions;
using Orders.Domain.Common;
using Orders.Domain.Orders;

namespace Orders.WebApi.FunctionalTests.Security;

/// <summary>PUT /products/{id}/stock: stock administration is for callers with the admin role only.</summary>
public sealed class StockAdministrationTests
{
    private const string Body = """{"available":42}""";
    private static readonly ProductId P1 = new("p1");

    private SecuredEdge _edge = null!;

    [SetUp]
    public void SetUp()
    {
        _edge = new SecuredEdge();
        _edge.Catalog.SetStockAsync(P1, Arg.Any<int>(), Arg.Any<CancellationToken>())
            .Returns(call => new ProductLookup.Found(P1, "Espresso beans", new Money(19.5m, "EUR"), call.ArgAt<int>(1)));
        _edge.Catalog.SetStockAsync(Arg.Is<ProductId>(id => id != P1), Arg.Any<int>(), Arg.Any<CancellationToken>())
            .Returns(ProductLookup.Missing);
    }

    [TearDown]
    public async Task TearDown() => await _edge.DisposeAsync();

    [Test]
    public async Task Setting_stock_without_a_token_is_401_and_changes_nothing()
    {
        using var response = await _edge.SendAsync(HttpMethod.Put, "/products/p1/stock", token: null, Body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        await _edge.Catalog.DidNotReceiveWithAnyArgs().SetStockAsync(default, default, default);
    }

    [Test]
    public async Task Setting_stock_without_the_admin_role_is_403_problem_and_changes_nothing()
    {
        using var response = await _edge.SendAsync(HttpMethod.Put, "/products/p1/stock", TestTokens.For("u1"), Body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("admin role"));
        await _edge.Catalog.DidNotReceiveWithAnyArgs().SetStockAsync(default, default, default);
    }

    [Test]
    public async Task An_admin_sets_the_available_stock_of_a_product()
    {
        using var response = await _edge.SendAsync(HttpMethod.Put, "/products/p1/stock", TestTokens.For("ops", "admin"), Body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var product = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(product.GetProperty("available").GetInt32(), Is.EqualTo(42));
        await _edge.Catalog.Received(1).SetStockAsync(P1, 42, Arg.Any<CancellationToken>());
    }

    [TestCase("""{"available":-1}""")]
    [TestCase("""{"available":1000001}""")]
    public async Task Stock_out_of_range_is_a_400_problem_and_changes_nothing(string body)
    {
        using var response = await _edge.SendAsync(HttpMethod.Put, "/products/p1/stock", TestTokens.For("ops", "admin"), body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("errors").TryGetProperty("available", out _), Is.True);
        await _edge.Catalog.DidNotReceiveWithAnyArgs().SetStockAsync(default, default, default);
    }

    [Test]
    public async Task Setting_stock_of_an_unknown_product_is_404()
    {
        using var response = await _edge.SendAsync(HttpMethod.Put, "/products/nope/stock", TestTokens.For("ops", "admin"), Body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
