using System.Net;
using System.Text;
using System.Text.Json;
using Orders.Client;

namespace Orders.WebApi.FunctionalTests.EndToEnd;

/// <summary>
/// The REST contract end to end: the generated client against the WebApi, real Inventory and Payment hosts, real
/// PostgreSQL and MongoDB. After every call the stock is read back through the API.
/// </summary>
[NonParallelizable]
public sealed class OrderJourneyTests
{
    private static RunningSystem System => EndToEndSetUp.System;

    [Test]
    public async Task A_confirmed_order_takes_its_stock_and_reads_back()
    {
        var pen = await System.NewProductAsync(available: 10, unitPrice: 2.5m);
        var cup = await System.NewProductAsync(available: 10, unitPrice: 9.99m);

        var order = await System.Orders.CreateOrderAsync(Request("u1", (pen, 2), (cup, 3)));

        Assert.Multiple(() =>
        {
            Assert.That(order.Status, Is.EqualTo(OrderResponseStatus.Confirmed));
            Assert.That(order.User_id, Is.EqualTo("u1"));
            Assert.That(order.Total, Is.EqualTo(2 * 2.5m + 3 * 9.99m));
            Assert.That(order.Currency, Is.EqualTo("EUR"));
            Assert.That(order.Items.Select(item => (item.Product_id, item.Quantity, item.Unit_price)),
                Is.EqualTo(new (string, int, decimal?)[] { (pen, 2, 2.5m), (cup, 3, 9.99m) }));
        });
        Assert.That(await System.AvailableAsync(pen), Is.EqualTo(8));
        Assert.That(await System.AvailableAsync(cup), Is.EqualTo(7));
        var stored = await System.Orders.GetOrderAsync(order.Id.ToString());
        Assert.That(stored.Status, Is.EqualTo(OrderResponseStatus.Confirmed));
        Assert.That(stored.Total, Is.EqualTo(order.Total));
    }

    [Test]
    public async Task The_seeded_catalogue_is_there()
    {
        var p1 = await System.Orders.GetProductAsync("p1");

        Assert.That(p1.Name, Is.Not.Empty);
        Assert.That(p1.Currency, Is.EqualTo("EUR"));
    }

    [Test]
    public async Task Too_little_stock_is_409_naming_each_shortage_and_takes_nothing()
    {
        var scarce = await System.NewProductAsync(available: 3);
        var plenty = await System.NewProductAsync(available: 50);

        var problem = await ProblemFrom(() => System.Orders.CreateOrderAsync(Request("u1", (plenty, 5), (scarce, 4))));

        Assert.That(problem.Status, Is.EqualTo(409));
        Assert.That(problem.Type, Does.EndWith("/insufficient-stock"));
        var shortage = problem.Body.GetProperty("shortages").EnumerateArray().Single();
        Assert.That(shortage.GetProperty("product_id").GetString(), Is.EqualTo(scarce));
        Assert.That(shortage.GetProperty("requested").GetInt32(), Is.EqualTo(4));
        Assert.That(shortage.GetProperty("available").GetInt32(), Is.EqualTo(3));
        Assert.That(await System.AvailableAsync(scarce), Is.EqualTo(3));
        Assert.That(await System.AvailableAsync(plenty), Is.EqualTo(50));
        var rejected = await System.Orders.GetOrderAsync(problem.Body.GetProperty("order_id").GetString()!);
        Assert.That(rejected.Status, Is.EqualTo(OrderResponseStatus.Rejected));
    }

    [Test]
    public async Task An_unknown_product_is_422_and_takes_nothing()
    {
        var known = await System.NewProductAsync(available: 5);

        var problem = await ProblemFrom(() => System.Orders.CreateOrderAsync(Request("u1", (known, 1), ("no-such-product", 1))));

        Assert.That(problem.Status, Is.EqualTo(422));
        Assert.That(problem.Type, Does.EndWith("/unknown-product"));
        Assert.That(problem.Body.GetProperty("product_ids")[0].GetString(), Is.EqualTo("no-such-product"));
        Assert.That(await System.AvailableAsync(known), Is.EqualTo(5));
    }

    [Test]
    public async Task A_declined_payment_is_402_and_gives_the_stock_back()
    {
        var product = await System.NewProductAsync(available: 5);

        var problem = await ProblemFrom(() => System.Orders.CreateOrderAsync(Request("declined-u9", (product, 2))));

        Assert.That(problem.Status, Is.EqualTo(402));
        Assert.That(problem.Type, Does.EndWith("/payment-declined"));
        Assert.That(await System.AvailableAsync(product), Is.EqualTo(5));
        var declined = await System.Orders.GetOrderAsync(problem.Body.GetProperty("order_id").GetString()!);
        Assert.That(declined.Status, Is.EqualTo(OrderResponseStatus.Payment_declined));
    }

    [Test]
    public async Task An_invalid_order_is_400_with_field_errors_and_takes_nothing()
    {
        var product = await System.NewProductAsync(available: 5);

        var problem = await ProblemFrom(() => System.Orders.CreateOrderAsync(Request("", (product, 0))));

        Assert.That(problem.Status, Is.EqualTo(400));
        Assert.That(problem.Type, Does.EndWith("/validation"));
        Assert.That(
            problem.Body.GetProperty("errors").EnumerateObject().Select(error => error.Name),
            Is.EquivalentTo(new[] { "user_id", "items[0].quantity" }));
        Assert.That(await System.AvailableAsync(product), Is.EqualTo(5));
    }

    [Test]
    public async Task Malformed_json_is_400_and_takes_nothing()
    {
        var product = await System.NewProductAsync(available: 5);
        using var body = new StringContent($$"""{"user_id":"u1","items":[{"product_id":"{{product}}","quantity":2""", Encoding.UTF8, "application/json");

        using var response = await System.Http.PostAsync("/orders", body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await System.AvailableAsync(product), Is.EqualTo(5));
    }

    [Test]
    public async Task Unknown_orders_and_products_are_404()
    {
        var order = await ProblemFrom(() => System.Orders.GetOrderAsync(Guid.NewGuid().ToString()));
        var product = await ProblemFrom(() => System.Orders.GetProductAsync("no-such-product"));

        Assert.That((order.Status, product.Status), Is.EqualTo((404, 404)));
        Assert.That(order.Type, Does.EndWith("/not-found"));
    }

    [Test]
    public async Task Health_is_live_and_ready_while_everything_answers()
    {
        using var live = await System.Http.GetAsync("/health/live");
        using var ready = await System.Http.GetAsync("/health/ready");

        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK), await ready.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task With_the_payment_host_down_orders_are_503_failed_and_the_stock_stays()
    {
        var product = await System.NewProductAsync(available: 5);
        await System.Payment.StopAsync();
        try
        {
            using var ready = await System.Http.GetAsync("/health/ready");
            var problem = await ProblemFrom(() => System.Orders.CreateOrderAsync(Request("u1", (product, 2))));

            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(problem.Status, Is.EqualTo(503));
            Assert.That(problem.Type, Does.EndWith("/dependency-unavailable"));
            Assert.That(problem.Headers.ContainsKey("Retry-After"), Is.True);
            Assert.That(await System.AvailableAsync(product), Is.EqualTo(5));
            var failed = await System.Orders.GetOrderAsync(problem.Body.GetProperty("order_id").GetString()!);
            Assert.That(failed.Status, Is.EqualTo(OrderResponseStatus.Failed));
        }
        finally
        {
            await System.Payment.StartAsync();
        }

        var afterwards = await PlaceHonouringRetryAfterAsync(Request("u1", (product, 2)));
        Assert.That(afterwards.Status, Is.EqualTo(OrderResponseStatus.Confirmed));
        Assert.That(await System.AvailableAsync(product), Is.EqualTo(3));
    }

    /// <summary>
    /// As a client would: retries a 503 for a while. Just after the payment host is back the API's channel may still
    /// be waiting out its reconnect backoff; each refused attempt ends failed and gives its stock back.
    /// </summary>
    private static async Task<OrderResponse> PlaceHonouringRetryAfterAsync(CreateOrderRequest request)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                return await System.Orders.CreateOrderAsync(request);
            }
            catch (ApiException exception) when (exception.StatusCode == 503 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }
    }

    private static CreateOrderRequest Request(string userId, params (string ProductId, int Quantity)[] items) => new()
    {
        User_id = userId,
        Items = [.. items.Select(item => new CreateOrderRequestItem { Product_id = item.ProductId, Quantity = item.Quantity })],
    };

    private static async Task<Problem> ProblemFrom(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (ApiException exception)
        {
            var body = JsonDocument.Parse(exception.Response ?? "{}").RootElement.Clone();
            return new Problem(exception.StatusCode, body.GetProperty("type").GetString() ?? "", body, exception.Headers);
        }

        Assert.Fail("Expected the API to answer with a problem.");
        throw new InvalidOperationException();
    }

    private sealed record Problem(int Status, string Type, JsonElement Body, IReadOnlyDictionary<string, IEnumerable<string>> Headers);
}
