using Orders.Client;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Net.Client;
using Orders.Testing;
using Orders.Contracts.Inventory.V1;

namespace Orders.WebApi.FunctionalTests.EndToEnd;

/// <summary>
/// Many buyers at once for too little stock, through the real hosts: nothing is oversold, every unit is accounted
/// for, and a declined payment always gives its stock back.
/// </summary>
[NonParallelizable]
public sealed class ConcurrencySoakTests
{
    private const int Orders = 200;
    private const int Stock = 150;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private static RunningSystem System => EndToEndSetUp.System;

    [Test]
    public async Task Two_hundred_buyers_of_one_unit_for_150_in_stock_get_exactly_150_confirmed_and_50_conflicts()
    {
        var product = await System.NewProductAsync(available: Stock);

        var run = await BuyConcurrentlyAsync(product, _ => "soak-u");

        Report("all approved", run);
        Assert.Multiple(() =>
        {
            Assert.That(run.Count(HttpStatusCode.Created), Is.EqualTo(Stock));
            Assert.That(run.Count(HttpStatusCode.Conflict), Is.EqualTo(Orders - Stock));
            Assert.That(run.AvailableAfter, Is.Zero);
            Assert.That(run.Count(HttpStatusCode.Created) + run.AvailableAfter, Is.EqualTo(Stock), "every unit accounted for");
            Assert.That(run.Elapsed, Is.LessThan(Bound));
        });
    }

    [Test]
    public async Task With_a_quarter_of_the_payments_declined_the_stock_is_conserved_and_every_declined_order_released()
    {
        var product = await System.NewProductAsync(available: Stock);

        var run = await BuyConcurrentlyAsync(product, index => index % 4 == 0 ? $"declined-soak-{index}" : "soak-u");

        Report("a quarter declined", run);
        var confirmed = run.Count(HttpStatusCode.Created);
        Assert.Multiple(() =>
        {
            // Not exactly a quarter: a declined buyer who arrives while every unit is held by others is told 409 first.
            Assert.That(run.Count(HttpStatusCode.PaymentRequired), Is.InRange(1, Orders / 4), "declined buyers are told so");
            Assert.That(run.Outcomes.Keys, Is.SubsetOf(new[] { HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.PaymentRequired }));
            Assert.That(confirmed + run.AvailableAfter, Is.EqualTo(Stock), "confirmed + available == initial");
            Assert.That(run.Elapsed, Is.LessThan(Bound));
        });

        using var channel = GrpcChannel.ForAddress(System.Inventory.Address);
        var inventory = new Inventory.InventoryClient(channel.WithServiceKey());
        foreach (var orderId in run.DeclinedOrderIds)
        {
            var reservation = await inventory.GetReservationAsync(new GetReservationRequest { ReservationId = orderId });
            Assert.That(reservation.Status, Is.EqualTo(ReservationStatus.Released), $"order {orderId}");
            Assert.That((await System.Orders.GetOrderAsync(orderId)).Status, Is.EqualTo(OrderResponseStatus.Payment_declined));
        }
    }

    private static async Task<SoakRun> BuyConcurrentlyAsync(string product, Func<int, string> userFor)
    {
        var before = await System.AvailableAsync(product);
        var stopwatch = Stopwatch.StartNew();
        using var start = new SemaphoreSlim(0);
        var buyers = Enumerable.Range(0, Orders).Select(async index =>
        {
            await start.WaitAsync();
            using var response = await System.Http.PostAsJsonAsync(
                "/orders", new { user_id = userFor(index), items = new[] { new { product_id = product, quantity = 1 } } });
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            return (response.StatusCode, OrderId: body.TryGetProperty("order_id", out var id) ? id.GetString() : null);
        }).ToList();
        start.Release(Orders);
        var answers = await Task.WhenAll(buyers);
        stopwatch.Stop();

        return new SoakRun(
            answers.GroupBy(answer => answer.StatusCode).ToDictionary(group => group.Key, group => group.Count()),
            [.. answers.Where(answer => answer.StatusCode == HttpStatusCode.PaymentRequired).Select(answer => answer.OrderId!)],
            before,
            await System.AvailableAsync(product),
            stopwatch.Elapsed);
    }

    private static void Report(string name, SoakRun run) =>
        TestContext.Progress.WriteLine(
            $"Soak ({name}): {Orders} orders of 1 unit; outcomes {string.Join(", ", run.Outcomes.OrderBy(pair => pair.Key).Select(pair => $"{(int)pair.Key}×{pair.Value}"))}; " +
            $"stock before {run.AvailableBefore}, after {run.AvailableAfter}; elapsed {run.Elapsed.TotalSeconds:F1} s");

    private sealed record SoakRun(
        IReadOnlyDictionary<HttpStatusCode, int> Outcomes,
        IReadOnlyList<string> DeclinedOrderIds,
        int AvailableBefore,
        int AvailableAfter,
        TimeSpan Elapsed)
    {
        public int Count(HttpStatusCode status) => Outcomes.GetValueOrDefault(status);
    }
}
