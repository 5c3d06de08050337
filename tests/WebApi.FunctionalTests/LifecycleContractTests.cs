using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NSubstitute;
using Orders.Application.Abstractions;
using Orders.Application.Orders.CreateOrder;
using Orders.Domain.Common;
using Orders.Domain.Orders;

namespace Orders.WebApi.FunctionalTests;

/// <summary>The REST contract of idempotent placing, cancelling and listing: one status, problem type and shape per outcome.</summary>
public sealed class LifecycleContractTests
{
    private const string ProblemJson = "application/problem+json";
    private const string OrderJson = """{"user_id":"u1","items":[{"product_id":"p1","quantity":2}]}""";
    private static readonly ProductId P1 = new("p1");

    private EdgeFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _factory = new EdgeFactory();
        _factory.Inventory.ReserveAsync(default, default!, default)
            .ReturnsForAnyArgs(new ReservationState.Reserved { Prices = [new(P1, new Money(9.99m, "EUR"))] });
        _factory.Inventory.ReleaseAsync(default, default).ReturnsForAnyArgs(new ReservationState.Released());
        _factory.Inventory.CommitAsync(default, default).ReturnsForAnyArgs(new ReservationState.Committed());
        _factory.Inventory.ReturnAsync(default, default).ReturnsForAnyArgs(new ReservationState.Returned());
        _factory.Payment.ChargeAsync(default!, default).ReturnsForAnyArgs(new PaymentState.Approved());
        _factory.Payment.RefundAsync(default, default).ReturnsForAnyArgs(new PaymentState.Refunded());
        _client = _factory.CreateClient();
    }

    [TearDown]
    public async Task TearDown()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Test]
    public async Task A_replay_with_the_same_key_and_body_is_200_with_the_first_order_and_reserves_nothing_again()
    {
        using var first = await PostOrder(OrderJson, "key-1");
        using var replay = await PostOrder(OrderJson, "key-1");

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var id = (await Json(first)).GetProperty("id").GetGuid();
        var replayed = await Json(replay);
        Assert.Multiple(() =>
        {
            Assert.That(replayed.GetProperty("id").GetGuid(), Is.EqualTo(id));
            Assert.That(replayed.GetProperty("status").GetString(), Is.EqualTo("confirmed"));
            Assert.That(replay.Headers.Location?.ToString(), Is.EqualTo($"/orders/{id}"));
            Assert.That(replay.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
        });
        await _factory.Inventory.ReceivedWithAnyArgs(1).ReserveAsync(default, default!, default);
        await _factory.Payment.ReceivedWithAnyArgs(1).ChargeAsync(default!, default);
    }

    [Test]
    public async Task The_same_key_with_another_body_is_422_idempotency_key_reused()
    {
        using var first = await PostOrder(OrderJson, "key-1");
        using var other = await PostOrder("""{"user_id":"u1","items":[{"product_id":"p1","quantity":3}]}""", "key-1");

        var problem = await AssertProblem(other, HttpStatusCode.UnprocessableEntity, "/problems/idempotency-key-reused");
        Assert.That(problem.GetProperty("idempotency_key").GetString(), Is.EqualTo("key-1"));
        await _factory.Inventory.ReceivedWithAnyArgs(1).ReserveAsync(default, default!, default);
    }

    [TestCase("tab\tinside")]
    [TestCase("clé")]
    public async Task A_malformed_key_is_400_keyed_by_the_header(string key)
    {
        using var response = await PostOrder(OrderJson, key);

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest, "/problems/validation");
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(error => error.Name), Is.EqualTo(new[] { "Idempotency-Key" }));
        Assert.That(_factory.Orders.Orders, Is.Empty);
    }

    [Test]
    public async Task A_key_of_sixty_five_characters_is_400()
    {
        using var response = await PostOrder(OrderJson, new string('k', 65));

        await AssertProblem(response, HttpStatusCode.BadRequest, "/problems/validation");
    }

    [Test]
    public async Task A_replay_while_the_first_request_is_still_placing_the_order_is_409_in_progress_with_retry_after()
    {
        var command = new CreateOrderCommand("u1", [new("p1", 2)], "key-1");
        var pending = Order.Place(OrderId.New(), new UserId("u1"), [new(P1, 2)], DateTimeOffset.UtcNow, new IdempotencyKey("key-1"), RequestFingerprint.Of(command));
        await _factory.Orders.AddAsync(pending, CancellationToken.None);

        using var response = await PostOrder(OrderJson, "key-1");

        var problem = await AssertProblem(response, HttpStatusCode.Conflict, "/problems/order-in-progress");
        Assert.That(problem.GetProperty("order_id").GetGuid(), Is.EqualTo(pending.Id.Value));
        Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(1)));
        await _factory.Inventory.DidNotReceiveWithAnyArgs().ReserveAsync(default, default!, default);
    }

    [Test]
    public async Task Cancelling_a_confirmed_order_is_200_cancelled_and_again_200_with_the_same_body()
    {
        using var placed = await PostOrder(OrderJson, idempotencyKey: null);
        var id = (await Json(placed)).GetProperty("id").GetGuid();

        using var cancel = await _client.PostAsync($"/orders/{id}/cancel", content: null);
        using var again = await _client.PostAsync($"/orders/{id}/cancel", content: null);

        Assert.That(cancel.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Json(cancel)).GetProperty("status").GetString(), Is.EqualTo("cancelled"));
        Assert.That(await again.Content.ReadAsStringAsync(), Is.EqualTo(await cancel.Content.ReadAsStringAsync()));
        await _factory.Inventory.Received(1).ReturnAsync(new OrderId(id), Arg.Any<CancellationToken>());
        await _factory.Payment.Received(1).RefundAsync(new OrderId(id), Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task Cancelling_a_rejected_order_is_409_order_not_cancellable()
    {
        _factory.Inventory.ReserveAsync(default, default!, default)
            .ReturnsForAnyArgs(new ReservationState.Rejected([new StockShortage(P1, 2, 1)], []));
        using var placed = await PostOrder(OrderJson, idempotencyKey: null);
        var id = (await Json(placed)).GetProperty("order_id").GetGuid();

        using var cancel = await _client.PostAsync($"/orders/{id}/cancel", content: null);

        var problem = await AssertProblem(cancel, HttpStatusCode.Conflict, "/problems/order-not-cancellable");
        Assert.That(problem.GetProperty("order_status").GetString(), Is.EqualTo("rejected"));
        await _factory.Inventory.DidNotReceiveWithAnyArgs().ReturnAsync(default, default);
    }

    [TestCase("0190d7a4-5b7c-7000-8000-000000000000")]
    [TestCase("not-a-guid")]
    public async Task Cancelling_an_unknown_order_is_404(string id)
    {
        using var cancel = await _client.PostAsync($"/orders/{id}/cancel", content: null);

        await AssertProblem(cancel, HttpStatusCode.NotFound, "/problems/not-found");
    }

    [Test]
    public async Task Cancelling_while_the_inventory_is_down_is_503_with_retry_after_and_the_order_stays_confirmed()
    {
        _factory.Inventory.ReturnAsync(default, default).ReturnsForAnyArgs(new ReservationState.Unanswered("timeout"));
        using var placed = await PostOrder(OrderJson, idempotencyKey: null);
        var id = (await Json(placed)).GetProperty("id").GetGuid();

        using var cancel = await _client.PostAsync($"/orders/{id}/cancel", content: null);

        var problem = await AssertProblem(cancel, HttpStatusCode.ServiceUnavailable, "/problems/dependency-unavailable");
        Assert.That(problem.GetProperty("dependency").GetString(), Is.EqualTo("inventory"));
        Assert.That(cancel.Headers.RetryAfter, Is.Not.Null);
        Assert.That(_factory.Orders.Orders.Single().Status, Is.EqualTo(OrderStatus.Confirmed));
    }

    [Test]
    public async Task Listing_is_200_with_snake_case_items_and_a_next_page_token()
    {
        for (var i = 0; i < 3; i++)
        {
            using var placed = await PostOrder(OrderJson, idempotencyKey: null);
        }

        using var first = await _client.GetAsync("/orders?user_id=u1&limit=2");
        var page = await Json(first);
        using var second = await _client.GetAsync($"/orders?user_id=u1&limit=2&page_token={page.GetProperty("next_page_token").GetString()}");
        var last = await Json(second);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.Multiple(() =>
        {
            Assert.That(page.GetProperty("items").GetArrayLength(), Is.EqualTo(2));
            Assert.That(page.GetProperty("items")[0].GetProperty("user_id").GetString(), Is.EqualTo("u1"));
            Assert.That(last.GetProperty("items").GetArrayLength(), Is.EqualTo(1));
            Assert.That(last.GetProperty("next_page_token").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [TestCase("/orders?user_id=u1&page_token=bogus", "page_token")]
    [TestCase("/orders?user_id=u1&limit=0", "limit")]
    [TestCase("/orders?user_id=u1&limit=101", "limit")]
    [TestCase("/orders", "user_id")]
    [TestCase("/orders?limit=5", "user_id")]
    public async Task A_bad_listing_query_is_400_keyed_by_the_parameter(string url, string field)
    {
        using var response = await _client.GetAsync(url);

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest, "/problems/validation");
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(error => error.Name), Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task A_limit_that_is_not_a_number_is_400()
    {
        using var response = await _client.GetAsync("/orders?user_id=u1&limit=many");

        await AssertProblem(response, HttpStatusCode.BadRequest, "/problems/validation");
    }

    private async Task<HttpResponseMessage> PostOrder(string json, string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/orders")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        return await _client.SendAsync(request);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        Assert.That(response.StatusCode, Is.EqualTo(status), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ProblemJson));
        var problem = await Json(response);
        Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo(type));
        Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
        return problem;
    }
}
