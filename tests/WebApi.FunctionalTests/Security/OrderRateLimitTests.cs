using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace Orders.WebApi.FunctionalTests.Security;

/// <summary>
/// Each authenticated user may place <c>RateLimiting:Orders:PermitLimit</c> valid orders per window; the next is a
/// 429. Invalid requests are not counted, and with authentication off there is no quota.
/// </summary>
public sealed class OrderRateLimitTests
{
    private SecuredEdge _edge = null!;

    [SetUp]
    public void SetUp() => _edge = new SecuredEdge(builder =>
    {
        builder.UseSetting("RateLimiting:Orders:PermitLimit", "2");
        builder.UseSetting("RateLimiting:Orders:Window", "00:10:00");
    });

    [TearDown]
    public async Task TearDown() => await _edge.DisposeAsync();

    [Test]
    public async Task Placing_more_orders_than_the_limit_is_429_problem_with_retry_after_and_stores_nothing()
    {
        var token = TestTokens.For("u1");
        (await _edge.PlaceAsync(token)).Dispose();
        (await _edge.PlaceAsync(token)).Dispose();

        using var limited = await _edge.PlaceAsync(token);

        Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(limited.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(limited.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        var problem = JsonDocument.Parse(await limited.Content.ReadAsStringAsync()).RootElement;
        Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo("/problems/too-many-requests"));
        Assert.That(_edge.Orders.Orders, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task The_limit_counts_each_caller_on_its_own()
    {
        (await _edge.PlaceAsync(TestTokens.For("u1"))).Dispose();
        (await _edge.PlaceAsync(TestTokens.For("u1"))).Dispose();

        using var other = await _edge.PlaceAsync(TestTokens.For("u2"));

        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task Reading_is_not_counted_against_the_placement_limit()
    {
        var token = TestTokens.For("u1");
        for (var read = 0; read < 3; read++)
        {
            (await _edge.SendAsync(HttpMethod.Get, "/orders", token)).Dispose();
        }

        using var placed = await _edge.PlaceAsync(token);

        Assert.That(placed.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task Invalid_requests_are_not_counted_against_the_placement_limit()
    {
        var token = TestTokens.For("u1");
        for (var invalid = 0; invalid < 3; invalid++)
        {
            using var refused = await _edge.PlaceAsync(token, """{"items":[{"product_id":"p1","quantity":0}]}""");
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }

        using var first = await _edge.PlaceAsync(token);
        using var second = await _edge.PlaceAsync(token);

        Assert.That((first.StatusCode, second.StatusCode), Is.EqualTo((HttpStatusCode.Created, HttpStatusCode.Created)));
    }

    [Test]
    public async Task With_authentication_off_there_is_no_placement_limit()
    {
        await using var open = new SecuredEdge(builder =>
        {
            builder.UseSetting("Auth:Enabled", "false");
            builder.UseSetting("RateLimiting:Orders:PermitLimit", "2");
            builder.UseSetting("RateLimiting:Orders:Window", "00:10:00");
        });

        var statuses = new List<HttpStatusCode>();
        for (var order = 0; order < 5; order++)
        {
            using var placed = await open.SendAsync(HttpMethod.Post, "/orders", token: null, """{"user_id":"u1","items":[{"product_id":"p1","quantity":1}]}""");
            statuses.Add(placed.StatusCode);
        }

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.Created));
    }
}
