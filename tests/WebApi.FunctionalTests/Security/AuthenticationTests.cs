using System.Net;
using System.Text.Json;

namespace Orders.WebApi.FunctionalTests.Security;

/// <summary>With auth on, a request without a valid token gets an RFC 9457 401 that says how to authenticate.</summary>
public sealed class AuthenticationTests
{
    private SecuredEdge _edge = null!;

    [SetUp]
    public void SetUp() => _edge = new SecuredEdge();

    [TearDown]
    public async Task TearDown() => await _edge.DisposeAsync();

    [Test]
    public async Task A_request_without_a_token_is_401_problem_with_www_authenticate_bearer()
    {
        using var response = await _edge.SendAsync(HttpMethod.Get, "/orders?user_id=u1", token: null);

        await AssertUnauthorizedAsync(response);
    }

    [Test]
    public async Task A_forged_token_is_401_problem_with_www_authenticate_and_stores_nothing()
    {
        using var response = await _edge.PlaceAsync(TestTokens.Forged("u1"));

        await AssertUnauthorizedAsync(response);
        Assert.That(_edge.Orders.Orders, Is.Empty);
    }

    [Test]
    public async Task An_expired_token_is_401_problem_with_www_authenticate()
    {
        using var response = await _edge.SendAsync(HttpMethod.Get, "/orders", TestTokens.Expired("u1"));

        await AssertUnauthorizedAsync(response);
        Assert.That(response.Headers.WwwAuthenticate.Single().Parameter, Does.Contain("invalid_token"));
    }

    [Test]
    public async Task A_valid_token_is_let_through()
    {
        using var response = await _edge.SendAsync(HttpMethod.Get, "/orders", TestTokens.For("u1"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Health_stays_open_without_a_token()
    {
        using var response = await _edge.SendAsync(HttpMethod.Get, "/health/live", token: null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.Select(header => header.Scheme), Is.EqualTo(new[] { "Bearer" }));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo("/problems/unauthorized"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("Authorization: Bearer"));
    }
}
