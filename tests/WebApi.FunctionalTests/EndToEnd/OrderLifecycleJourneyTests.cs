using System.Text.Json;
using Grpc.Net.Client;
using Orders.Testing;
using Orders.Client;
using Orders.Contracts.Payment.V1;

namespace Orders.WebApi.FunctionalTests.EndToEnd;

/// <summary>
/// Idempotent placing, cancelling and listing end to end: the generated client against the WebApi, real Inventory and
/// Payment hosts, real PostgreSQL and MongoDB. Stock is read back through the API, payments through the Payments gRPC service.
/// </summary>
[NonParallelizable]
public sealed class OrderLifecycleJourneyTests
{
    private static RunningSystem System => EndToEndSetUp.System;

    [Test]
    public async Task A_replay_with_the_same_key_returns_the_same_order_and_takes_the_stock_once()
    {
        var product = await System.NewProductAsync(available: 10);
        var key = NewKey();

        var first = await System.Orders.CreateOrderAsync(key, Request(NewUser(), (product, 3)));
        var replay = await System.Orders.CreateOrderAsync(key, Request(first.User_id, (product, 3)));

        Assert.That(replay.Id, Is.EqualTo(first.Id));
        Assert.That(replay.Status, Is.EqualTo(OrderResponseStatus.Confirmed));
        Assert.That(await System.AvailableAsync(product), Is.EqualTo(7));
    }

    [Test]
    public async Task Eight_concurrent_replays_place_one_order_take_the_stock_once_and_charge_once()
    {
        var product = await System.NewProductAsync(available: 10, unitPrice: 4m);
        var user = NewUser();
        var key = NewKey();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => AnswerOf(() => System.Orders.CreateOrderAsync(key, Request(user, (product, 2))))));

        var orders = answers.Where(answer => answer.Order is not null).Select(answer => answer.Order!).ToList();
        Assert.That(orders, Is.Not.Empty);
        Assert.That(answers.Where(answer => answer.Order is null).Select(answer => answer.ProblemType), Is.All.EndWith("/order-in-progress"));
        Assert.That(orders.Select(order => order.Id).Distinct().Count(), Is.EqualTo(1), "one order id for every replay");
        Assert.That(await System.AvailableAsync(product), Is.EqualTo(8));
        var listed = await System.Orders.ListOrdersAsync(user, 100, null);
        Assert.That(listed.Items.Select(order => order.Id), Is.EqualTo(new[] { orders[0].Id }), "one order stored");
        var payment = await Payments().GetPaymentAsync(new GetPaymentRequest { PaymentId = orders[0].Id.ToString() });
        Assert.That(payment.Status, Is.EqualTo(PaymentStatus.Approved));
        Assert.That(payment.Amount.ToDecimal(), Is.EqualTo(8m), "charged once, for one order's total");
    }

    [Test]
    public async Task The_same_key_with_another_body_is_422_and_takes_nothing_more()
    {
        var product = await System.NewProductAsync(available: 10);
        var user = NewUser();
        var key = NewKey();
        await System.Orders.CreateOrderAsync(key, Request(user, (product, 1)));

        var problem = await ProblemFrom(() => System.Orders.CreateOrderAsync(key, Request(user, (product, 2))));

        Assert.That(problem.Status, Is.EqualTo(422));
        Assert.That(problem.Type, Does.EndWith("/idempotency-key-reused"));
        Assert.That(await System.AvailableAsync(product), Is.EqualTo(9));
    }

    [Test]
    public async Task Cancelling_a_confirmed_order_puts_the_stock_back_refunds_the_payment_and_answers_the_same_when_repeated()
    {
        var product = await System.NewProductAsync(available: 10);
        var order = await System.Orders.CreateOrderAsync(Request(NewUser(), (product, 4)));
        Assert.That(await System.AvailableAsync(product), Is.EqualTo(6));

        var cancelled = await System.Orders.CancelOrderAsync(order.Id.ToString());
        var again = await System.Orders.CancelOrderAsync(order.Id.ToString());

        Assert.That(cancelled.Status, Is.EqualTo(OrderResponseStatus.Cancelled));
        Assert.That(await System.AvailableAsync(product), Is.EqualTo(10));
        var payment = await Payments().GetPaymentAsync(new GetPaymentRequest { PaymentId = order.Id.ToString() });
        Assert.That(payment.Status, Is.EqualTo(PaymentStatus.Refunded));
        Assert.That(JsonSerializer.Serialize(again), Is.EqualTo(JsonSerializer.Serialize(cancelled)));
        Assert.That((await System.Orders.GetOrderAsync(order.Id.ToString())).Status, Is.EqualTo(OrderResponseStatus.Cancelled));
    }

    [Test]
    public async Task Cancelling_a_rejected_order_is_409_and_cancelling_an_unknown_order_is_404()
    {
        var scarce = await System.NewProductAsync(available: 1);
        var rejection = await ProblemFrom(() => System.Orders.CreateOrderAsync(Request(NewUser(), (scarce, 2))));
        var rejectedId = rejection.Body.GetProperty("order_id").GetString()!;

        var notCancellable = await ProblemFrom(() => System.Orders.CancelOrderAsync(rejectedId));
        var unknown = await ProblemFrom(() => System.Orders.CancelOrderAsync(Guid.NewGuid().ToString()));

        Assert.That((notCancellable.Status, unknown.Status), Is.EqualTo((409, 404)));
        Assert.That(notCancellable.Type, Does.EndWith("/order-not-cancellable"));
        Assert.That(unknown.Type, Does.EndWith("/not-found"));
        Assert.That(await System.AvailableAsync(scarce), Is.EqualTo(1));
    }

    [Test]
    public async Task Listing_pages_through_five_orders_two_at_a_time_newest_first()
    {
        var product = await System.NewProductAsync(available: 50);
        var user = NewUser();
        var placed = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            placed.Add((await System.Orders.CreateOrderAsync(Request(user, (product, 1)))).Id);
        }

        var pages = new List<OrderPageResponse>();
        string? token = null;
        do
        {
            var page = await System.Orders.ListOrdersAsync(user, 2, token);
            pages.Add(page);
            token = page.Next_page_token;
        }
        while (token is not null);

        Assert.That(pages.Select(page => page.Items.Count), Is.EqualTo(new[] { 2, 2, 1 }));
        Assert.That(pages.SelectMany(page => page.Items).Select(order => order.Id), Is.EqualTo(placed.AsEnumerable().Reverse()));
    }

    [Test]
    public async Task Listing_with_a_token_this_api_did_not_issue_is_400()
    {
        var problem = await ProblemFrom(() => System.Orders.ListOrdersAsync(NewUser(), 2, "not-a-page-token"));

        Assert.That(problem.Status, Is.EqualTo(400));
        Assert.That(problem.Type, Does.EndWith("/validation"));
        Assert.That(problem.Body.GetProperty("errors").EnumerateObject().Select(error => error.Name), Is.EqualTo(new[] { "page_token" }));
    }

    private static Payments.PaymentsClient Payments() => new(GrpcChannel.ForAddress(System.Payment.Address).WithServiceKey());

    private static string NewUser() => $"e2e-{Guid.NewGuid():N}"[..24];

    private static string NewKey() => $"key-{Guid.NewGuid():N}";

    private static CreateOrderRequest Request(string userId, params (string ProductId, int Quantity)[] items) => new()
    {
        User_id = userId,
        Items = [.. items.Select(item => new CreateOrderRequestItem { Product_id = item.ProductId, Quantity = item.Quantity })],
    };

    private static async Task<Answer> AnswerOf(Func<Task<OrderResponse>> call)
    {
        try
        {
            return new Answer(await call(), ProblemType: null);
        }
        catch (ApiException exception)
        {
            var body = JsonDocument.Parse(exception.Response ?? "{}").RootElement;
            return new Answer(null, body.GetProperty("type").GetString());
        }
    }

    private static async Task<Problem> ProblemFrom(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (ApiException exception)
        {
            var body = JsonDocument.Parse(exception.Response ?? "{}").RootElement.Clone();
            return new Problem(exception.StatusCode, body.GetProperty("type").GetString() ?? "", body);
        }

        Assert.Fail("Expected the API to answer with a problem.");
        throw new InvalidOperationException();
    }

    private sealed record Answer(OrderResponse? Order, string? ProblemType);

    private sealed record Problem(int Status, string Type, JsonElement Body);
}
