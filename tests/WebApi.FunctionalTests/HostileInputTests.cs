using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NSubstitute;
using Orders.Application.Abstractions;
using Orders.Domain.Orders;

namespace Orders.WebApi.FunctionalTests;

/// <summary>
/// POST /orders under hostile input: whatever arrives, the answer is a 4xx problem (never a 5xx), and a refused
/// body reaches no port and stores nothing.
/// </summary>
public sealed class HostileInputTests
{
    private const string ProblemJson = "application/problem+json";
    private const int Limit = 64 * 1024;

    private EdgeFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _factory = new EdgeFactory();
        // A body that gets through is refused by the inventory as naming unknown products: nothing is charged.
        _factory.Inventory.ReserveAsync(default, default!, default)
            .ReturnsForAnyArgs(call => new ReservationState.Rejected([], [.. call.Arg<IReadOnlyList<RequestedLine>>().Select(line => line.ProductId)]));
        _factory.Inventory.ReleaseAsync(default, default).ReturnsForAnyArgs(new ReservationState.Released());
        _client = _factory.CreateClient();
    }

    [TearDown]
    public async Task TearDown()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Test]
    public async Task A_body_declared_over_64_KiB_is_413_payload_too_large_and_reaches_nothing()
    {
        using var response = await PostAsync(Encoding.UTF8.GetBytes(ValidBody(userId: new string('u', Limit))));

        await AssertRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge, "/problems/payload-too-large");
    }

    [Test]
    public async Task A_chunked_body_over_64_KiB_without_a_length_is_413_too()
    {
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(ValidBody(userId: new string('u', Limit)))));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/orders") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _client.SendAsync(request);

        await AssertRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge, "/problems/payload-too-large");
    }

    [Test]
    public async Task A_body_just_under_the_limit_is_read_and_judged_on_its_fields()
    {
        var padding = new string(' ', Limit - ValidBody().Length - 1);
        using var response = await PostAsync(Encoding.UTF8.GetBytes(ValidBody() + padding));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), "read, then refused by the inventory");
    }

    [TestCase("""{"user_id":"u1","items":[{"product_id":"p1","quantity":1}],"coupon":"FREE"}""", "coupon")]
    [TestCase("""{"user_id":"u1","items":[{"product_id":"p1","quantity":1,"price":0}]}""", "items[0].price")]
    [TestCase("""{"user_id":"u1","user_id":"u2","items":[{"product_id":"p1","quantity":1}]}""", "user_id")]
    [TestCase("""{"user_id":"u1","items":[{"product_id":"p1","quantity":"1"}]}""", "items[0].quantity")]
    [TestCase("""{"user_id":"u1","items":[{"product_id":"p1","quantity":1e30}]}""", "items[0].quantity")]
    [TestCase("""{"user_id":"u1","items":[{"product_id":"p1","quantity":2147483648}]}""", "items[0].quantity")]
    [TestCase("""{"user_id":"u1","items":[{"product_id":"p1","quantity":null}]}""", "items[0].quantity")]
    [TestCase("""{"user_id":123,"items":[{"product_id":"p1","quantity":1}]}""", "user_id")]
    public async Task A_body_that_does_not_mean_one_thing_is_400_naming_the_field(string body, string field)
    {
        using var response = await PostAsync(Encoding.UTF8.GetBytes(body));

        var problem = await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "/problems/validation");
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(error => error.Name), Does.Contain(field));
    }

    [Test]
    public async Task Deep_nesting_is_400()
    {
        var body = $$"""{"user_id":"u1","items":{{new string('[', 5000)}}{{new string(']', 5000)}}}""";

        using var response = await PostAsync(Encoding.UTF8.GetBytes(body));

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "/problems/validation");
    }

    [Test]
    public async Task Mutated_bodies_from_a_fixed_seed_never_get_a_5xx_and_every_refusal_is_a_problem_that_touches_nothing()
    {
        const int Bodies = 600;
        var fuzz = new BodyFuzzer(seed: 20261128);
        var statuses = new SortedDictionary<int, int>();

        for (var index = 0; index < Bodies; index++)
        {
            var (label, body) = fuzz.Next();
            _factory.Inventory.ClearReceivedCalls();
            _factory.Payment.ClearReceivedCalls();
            var storedBefore = _factory.Orders.Orders.Count;

            using var response = await PostAsync(body);

            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var context = $"body #{index} ({label}): {Preview(body)}";
            Assert.That(status, Is.LessThan(500), context);
            if (status >= 400)
            {
                Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ProblemJson), context);
            }

            if (status is 400 or 413 or 415)
            {
                Assert.That(_factory.Inventory.ReceivedCalls(), Is.Empty, context);
                Assert.That(_factory.Payment.ReceivedCalls(), Is.Empty, context);
                Assert.That(_factory.Orders.Orders, Has.Count.EqualTo(storedBefore), context);
            }

            Assert.That(_factory.Payment.ReceivedCalls(), Is.Empty, $"nothing may be charged: {context}");
        }

        TestContext.Progress.WriteLine($"Fuzzed {Bodies} bodies: {string.Join(", ", statuses.Select(pair => $"{pair.Key}×{pair.Value}"))}");
        Assert.That(statuses.Keys, Does.Contain(400).And.Contain(413));
    }

    private static string ValidBody(string userId = "u1") =>
        JsonSerializer.Serialize(new { user_id = userId, items = new[] { new { product_id = "p1", quantity = 1 } } });

    private static string Preview(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.Length <= 200 ? text : $"{text[..200]}… ({body.Length} bytes)";
    }

    private async Task<HttpResponseMessage> PostAsync(byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await _client.PostAsync(new Uri("/orders", UriKind.Relative), content);
    }

    private async Task<JsonElement> AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ProblemJson));
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo(type));
        Assert.That(_factory.Inventory.ReceivedCalls(), Is.Empty);
        Assert.That(_factory.Payment.ReceivedCalls(), Is.Empty);
        Assert.That(_factory.Orders.Orders, Is.Empty);
        return problem;
    }
}
