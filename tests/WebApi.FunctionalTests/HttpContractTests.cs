using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Orders.Application.Abstractions;
using Orders.Domain.Common;
using Orders.Domain.Orders;

namespace Orders.WebApi.FunctionalTests;

/// <summary>The REST contract: each outcome of the use case reaches the client as one status, problem type and JSON shape.</summary>
public sealed partial class HttpContractTests
{
    private const string ProblemJson = "application/problem+json";
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
    public async Task A_confirmed_order_is_201_with_its_location_and_snake_case_body()
    {
        using var response = await PostOrder("""{"user_id":"u1","items":[{"product_id":"p1","quantity":2}]}""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var body = await Json(response);
        var id = body.GetProperty("id").GetGuid();
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/orders/{id}"));
            Assert.That(body.GetProperty("user_id").GetString(), Is.EqualTo("u1"));
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("confirmed"));
            Assert.That(body.GetProperty("total").GetDecimal(), Is.EqualTo(19.98m));
            Assert.That(body.GetProperty("currency").GetString(), Is.EqualTo("EUR"));
            Assert.That(body.GetProperty("created_at").GetDateTimeOffset(), Is.Not.EqualTo(default(DateTimeOffset)));
            var item = body.GetProperty("items")[0];
            Assert.That(item.GetProperty("product_id").GetString(), Is.EqualTo("p1"));
            Assert.That(item.GetProperty("quantity").GetInt32(), Is.EqualTo(2));
            Assert.That(item.GetProperty("unit_price").GetDecimal(), Is.EqualTo(9.99m));
        });
    }

    [Test]
    public async Task A_stored_order_reads_back_by_id()
    {
        using var created = await PostOrder("""{"user_id":"u1","items":[{"product_id":"p1","quantity":1}]}""");
        var id = (await Json(created)).GetProperty("id").GetGuid();

        using var response = await _client.GetAsync($"/orders/{id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Json(response)).GetProperty("status").GetString(), Is.EqualTo("confirmed"));
    }

    [TestCase("/orders/9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d")]
    [TestCase("/orders/not-a-guid")]
    public async Task An_unknown_order_is_a_404_problem(string path)
    {
        using var response = await _client.GetAsync(path);

        await AssertProblem(response, HttpStatusCode.NotFound, "/problems/not-found");
    }

    [Test]
    public async Task Invalid_fields_are_a_400_problem_keyed_by_json_path_and_store_nothing()
    {
        using var response = await PostOrder("""{"user_id":"","items":[{"product_id":"p1","quantity":0}]}""");

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest, "/problems/validation");
        var errors = problem.GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(error => error.Name), Is.EquivalentTo(new[] { "user_id", "items[0].quantity" }));
        Assert.That(_factory.Orders.Orders, Is.Empty);
        await _factory.Inventory.DidNotReceiveWithAnyArgs().ReserveAsync(default, default!, default);
    }

    [TestCase("not json at all", "body")]
    [TestCase("""{"user_id":"u1","items":[{"product_id":"p1","quantity":2}""", "items[1]")]
    [TestCase("""{"user_id":"u1","items":[{"product_id":"p1","quantity":"two"}]}""", "items[0].quantity")]
    [TestCase("""{"user_id":"u1","items":[{"product_id":"p1","quantity":99999999999}]}""", "items[0].quantity")]
    [TestCase("""{"user_id":42,"items":[]}""", "user_id")]
    [TestCase("", "body")]
    public async Task An_unreadable_body_is_a_400_problem_naming_the_field(string body, string field)
    {
        using var response = await PostOrder(body);

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest, "/problems/validation");
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(error => error.Name), Has.Some.StartsWith(field));
        Assert.That(problem.ToString(), Does.Not.Contain("System."));
    }

    [Test]
    public async Task A_body_that_is_not_json_is_a_415_problem()
    {
        using var content = new StringContent("user_id=u1", Encoding.UTF8, "text/plain");
        using var response = await _client.PostAsync("/orders", content);

        await AssertProblem(response, HttpStatusCode.UnsupportedMediaType, "/problems/unsupported-media-type");
    }

    [Test]
    public async Task Insufficient_stock_is_a_409_problem_listing_each_shortage()
    {
        _factory.Inventory.ReserveAsync(default, default!, default)
            .ReturnsForAnyArgs(new ReservationState.Rejected([new(P1, 999, 98)], []));

        using var response = await PostOrder("""{"user_id":"u1","items":[{"product_id":"p1","quantity":999}]}""");

        var problem = await AssertProblem(response, HttpStatusCode.Conflict, "/problems/insufficient-stock");
        var shortage = problem.GetProperty("shortages")[0];
        Assert.Multiple(() =>
        {
            Assert.That(shortage.GetProperty("product_id").GetString(), Is.EqualTo("p1"));
            Assert.That(shortage.GetProperty("requested").GetInt32(), Is.EqualTo(999));
            Assert.That(shortage.GetProperty("available").GetInt32(), Is.EqualTo(98));
            Assert.That(problem.GetProperty("order_id").GetGuid(), Is.Not.EqualTo(Guid.Empty));
        });
    }

    [Test]
    public async Task An_unknown_product_is_a_422_problem()
    {
        _factory.Inventory.ReserveAsync(default, default!, default)
            .ReturnsForAnyArgs(new ReservationState.Rejected([], [new ProductId("nope")]));

        using var response = await PostOrder("""{"user_id":"u1","items":[{"product_id":"nope","quantity":1}]}""");

        var problem = await AssertProblem(response, HttpStatusCode.UnprocessableEntity, "/problems/unknown-product");
        Assert.That(problem.GetProperty("product_ids")[0].GetString(), Is.EqualTo("nope"));
    }

    [Test]
    public async Task A_declined_payment_is_a_402_problem_with_the_reason()
    {
        _factory.Payment.ChargeAsync(default!, default).ReturnsForAnyArgs(new PaymentState.Declined("amount above limit"));

        using var response = await PostOrder("""{"user_id":"u1","items":[{"product_id":"p1","quantity":1}]}""");

        var problem = await AssertProblem(response, HttpStatusCode.PaymentRequired, "/problems/payment-declined");
        Assert.That(problem.GetProperty("reason").GetString(), Is.EqualTo("amount above limit"));
    }

    [Test]
    public async Task A_dependency_down_is_a_503_problem_with_retry_after()
    {
        _factory.Payment.ChargeAsync(default!, default).ReturnsForAnyArgs(new PaymentState.Unanswered("deadline exceeded"));

        using var response = await PostOrder("""{"user_id":"u1","items":[{"product_id":"p1","quantity":1}]}""");

        var problem = await AssertProblem(response, HttpStatusCode.ServiceUnavailable, "/problems/dependency-unavailable");
        Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(problem.GetProperty("dependency").GetString(), Is.EqualTo("payment"));
    }

    [Test]
    public async Task A_bug_is_a_500_problem_that_reveals_nothing()
    {
        _factory.Inventory.ReserveAsync(default, default!, default)
            .ThrowsAsyncForAnyArgs(new InvalidOperationException("secret connection string Password=hunter2"));

        using var response = await PostOrder("""{"user_id":"u1","items":[{"product_id":"p1","quantity":1}]}""");

        var problem = await AssertProblem(response, HttpStatusCode.InternalServerError, "/problems/internal");
        Assert.That(problem.ToString(), Does.Not.Contain("hunter2").And.Not.Contain("InvalidOperationException").And.Not.Contain(" at "));
    }

    [Test]
    public async Task An_unknown_path_is_a_404_problem()
    {
        using var response = await _client.GetAsync("/nowhere");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ProblemJson));
    }

    [Test]
    public async Task Liveness_answers_without_asking_any_dependency()
    {
        using var response = await _client.GetAsync("/health/live");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_openapi_document_lists_every_status_of_the_contract()
    {
        using var response = await _client.GetAsync("/swagger/v1/swagger.json");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var document = await Json(response);
        var create = document.GetProperty("paths").GetProperty("/orders").GetProperty("post").GetProperty("responses");
        Assert.That(
            create.EnumerateObject().Select(status => status.Name),
            Is.SupersetOf(new[] { "201", "400", "402", "409", "413", "422", "503", "500" }));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.That(schemas.GetProperty("OrderResponse").GetProperty("properties").TryGetProperty("user_id", out _), Is.True);
    }

    [Test]
    public async Task The_served_openapi_document_is_the_committed_one_the_client_is_generated_from()
    {
        var committedPath = Path.Combine(RepositoryRoot(), "api", "openapi", "orders.v1.json");

        var served = JsonNode.Parse(await _client.GetStringAsync("/swagger/v1/swagger.json"));
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(committedPath));

        Assert.That(
            JsonNode.DeepEquals(served, committed), Is.True,
            "api/openapi/orders.v1.json is stale: run ./build.sh --target=OpenApi and commit it (src/Client regenerates from it).");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Orders.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Orders.sln not found above " + AppContext.BaseDirectory);
    }

    private async Task<HttpResponseMessage> PostOrder(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await _client.PostAsync("/orders", content);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>());

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
