using System.Net;
using NSubstitute;
using Orders.Application.Abstractions;
using Orders.Domain.Common;

namespace Orders.WebApi.FunctionalTests;

/// <summary>The products' part of the REST contract: a product with its stock, an unknown one, the inventory down.</summary>
public sealed partial class HttpContractTests
{
    [Test]
    public async Task A_product_reads_with_its_stock()
    {
        _factory.Catalog.FindAsync(P1, Arg.Any<CancellationToken>())
            .Returns(new ProductLookup.Found(P1, "Pen", new Money(1.5m, "EUR"), 42));

        using var response = await _client.GetAsync("/products/p1");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await Json(response);
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("product_id").GetString(), Is.EqualTo("p1"));
            Assert.That(body.GetProperty("name").GetString(), Is.EqualTo("Pen"));
            Assert.That(body.GetProperty("unit_price").GetDecimal(), Is.EqualTo(1.5m));
            Assert.That(body.GetProperty("currency").GetString(), Is.EqualTo("EUR"));
            Assert.That(body.GetProperty("available").GetInt32(), Is.EqualTo(42));
        });
    }

    [Test]
    public async Task An_unknown_product_reads_as_a_404_problem()
    {
        _factory.Catalog.FindAsync(default, default).ReturnsForAnyArgs(ProductLookup.Missing);

        using var response = await _client.GetAsync("/products/p9");

        await AssertProblem(response, HttpStatusCode.NotFound, "/problems/not-found");
    }

    [Test]
    public async Task Products_are_503_while_the_inventory_is_down()
    {
        _factory.Catalog.FindAsync(default, default).ReturnsForAnyArgs(new ProductLookup.Unavailable("down"));

        using var response = await _client.GetAsync("/products/p1");

        await AssertProblem(response, HttpStatusCode.ServiceUnavailable, "/problems/dependency-unavailable");
        Assert.That(response.Headers.RetryAfter, Is.Not.Null);
    }
}
