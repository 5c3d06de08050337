using System.Net;
using System.Text;
using System.Text.Json;
using NSubstitute;

namespace Orders.WebApi.FunctionalTests;

/// <summary>
/// A control character, a format character or a lone surrogate in any string the API takes is a 400 naming the
/// field, and nothing is stored, reserved, charged or even looked up.
/// </summary>
public sealed class HostileTextTests
{
    private EdgeFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _factory = new EdgeFactory();
        _client = _factory.CreateClient();
    }

    [TearDown]
    public async Task TearDown()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [TestCase("""{"user_id":"u\u00001","items":[{"product_id":"p1","quantity":1}]}""", "user_id", TestName = "NUL in the body's user_id")]
    [TestCase("""{"user_id":"u1","items":[{"product_id":"p\u00001","quantity":1}]}""", "items[0].product_id", TestName = "NUL in the body's product_id")]
    [TestCase("""{"user_id":"u\u001b1","items":[{"product_id":"p1","quantity":1}]}""", "user_id", TestName = "ESC in the body's user_id")]
    [TestCase("""{"user_id":"u1","items":[{"product_id":"p\u202e1","quantity":1}]}""", "items[0].product_id", TestName = "RIGHT-TO-LEFT OVERRIDE in the body's product_id")]
    [TestCase("""{"user_id":"u\u200b1","items":[{"product_id":"p1","quantity":1}]}""", "user_id", TestName = "ZERO WIDTH SPACE in the body's user_id")]
    public async Task A_hostile_character_in_the_body_is_400_naming_the_field(string body, string field)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(new Uri("/orders", UriKind.Relative), content);

        await AssertRefusedNamingAsync(response, field);
    }

    [TestCase("""{"user_id":"u\ud8001","items":[{"product_id":"p1","quantity":1}]}""", "user_id", TestName = "a lone high surrogate in the body's user_id")]
    [TestCase("""{"user_id":"u1","items":[{"product_id":"p\udc00","quantity":1}]}""", "items[0].product_id", TestName = "a lone low surrogate in the body's product_id")]
    public async Task A_lone_surrogate_in_the_body_is_400_naming_the_field(string body, string field)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(new Uri("/orders", UriKind.Relative), content);

        await AssertRefusedNamingAsync(response, field);
    }

    [TestCase("GET", "/orders?user_id=u%001", "user_id", TestName = "NUL in the query's user_id")]
    [TestCase("GET", "/orders?user_id=u1&page_token=%00", "page_token", TestName = "NUL in the query's page_token")]
    [TestCase("GET", "/orders?user_id=u%E2%80%AE1", "user_id", TestName = "RIGHT-TO-LEFT OVERRIDE in the query's user_id")]
    [TestCase("GET", "/orders/%1B", "id", TestName = "ESC in the order id of GET /orders/{id}")]
    [TestCase("POST", "/orders/%01/cancel", "id", TestName = "SOH in the order id of POST /orders/{id}/cancel")]
    [TestCase("GET", "/products/p%071", "id", TestName = "BEL in the product id of GET /products/{id}")]
    [TestCase("PUT", "/products/p%E2%80%8B1/stock", "id", TestName = "ZERO WIDTH SPACE in the product id of PUT /products/{id}/stock")]
    // NUL itself never reaches a route value: the server refuses a path with %00 before routing (a bare 400).
    public async Task A_hostile_character_in_a_route_or_query_value_is_400_naming_it(string method, string path, string field)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "PUT")
        {
            request.Content = new StringContent("""{"available":5}""", Encoding.UTF8, "application/json");
        }

        using var response = await _client.SendAsync(request);

        await AssertRefusedNamingAsync(response, field);
        Assert.That(_factory.Catalog.ReceivedCalls(), Is.Empty, "no product was looked up");
    }

    [TestCase("k\u0000y", TestName = "NUL in the Idempotency-Key header")]
    [TestCase("k\u007fy", TestName = "DEL in the Idempotency-Key header")]
    public async Task A_hostile_character_in_the_idempotency_key_is_400_naming_the_header(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/orders")
        {
            Content = new StringContent("""{"user_id":"u1","items":[{"product_id":"p1","quantity":1}]}""", Encoding.UTF8, "application/json"),
        };
        Assert.That(request.Headers.TryAddWithoutValidation("Idempotency-Key", key), Is.True);

        using var response = await _client.SendAsync(request);

        await AssertRefusedNamingAsync(response, "Idempotency-Key");
    }

    private async Task AssertRefusedNamingAsync(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo("/problems/validation"));
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(error => error.Name), Is.EqualTo(new[] { field }), text);
        Assert.That(_factory.Inventory.ReceivedCalls(), Is.Empty, "nothing reserved");
        Assert.That(_factory.Payment.ReceivedCalls(), Is.Empty, "nothing charged");
        Assert.That(_factory.Orders.Orders, Is.Empty, "nothing stored");
    }
}
