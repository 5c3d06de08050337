using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Orders.Client;

namespace Orders.WebApi.FunctionalTests.EndToEnd;

/// <summary>
/// Orders from many clients at once while every part of the system fails in turn: the PaymentHost pauses, the
/// InventoryHost, the WebApi and the PaymentHost are killed and started again, PostgreSQL crashes and comes back.
/// Every service returns with its data, so recovery must finish every order and account for every unit of stock.
/// </summary>
[NonParallelizable]
public sealed class FaultTests
{
    private const int Clients = 8;
    private const int MaxOrders = 2000;
    private const int Products = 4;
    private const int StartingStock = 2000;
    private static readonly TimeSpan PausedFor = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Between = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(45);
    private static readonly OrderResponseStatus[] Unfinished = [OrderResponseStatus.Pending, OrderResponseStatus.Needs_attention];

    private readonly Stopwatch _clock = Stopwatch.StartNew();

    [Test]
    public async Task After_pauses_kills_and_a_database_crash_every_order_ends_final_and_every_unit_is_accounted_for()
    {
        await using var system = await CrashableSystem.StartAsync(new Dictionary<string, string>
        {
            ["Recovery__StuckAfter"] = "00:00:03",
            ["Recovery__Interval"] = "00:00:00.500",
        });
        var products = new List<string>();
        for (var i = 0; i < Products; i++)
        {
            products.Add(await system.NewProductAsync(StartingStock));
        }

        var users = Enumerable.Range(0, Clients).Select(client => $"fault-{Guid.NewGuid():N}"[..20] + $"-{client}").ToArray();
        var load = new Load(system.Api.Address, products);
        using var stop = new CancellationTokenSource();
        Note("load starts");
        var buyers = users.Select((user, client) => load.BuyAsync(user, new Random(client), stop.Token)).ToList();

        await InjectFaultsAsync(system);
        await stop.CancelAsync();
        await Task.WhenAll(buyers);
        Note($"load stops: {load.Answered} orders answered");

        var orders = await WaitUntilFinishedAsync(system, users);
        var available = new Dictionary<string, int>();
        foreach (var product in products)
        {
            available[product] = (await system.Orders.GetProductAsync(product)).Available;
        }

        Report(load.Answers, orders, products, available);
        Assert.Multiple(() =>
        {
            Assert.That(orders.Where(order => Unfinished.Contains(order.Status)).Select(order => $"{order.Id} {order.Status}: {order.Status_reason}"), Is.Empty, "orders not in a final status");
            foreach (var product in products)
            {
                Assert.That(available[product] + UnitsSold(orders, product), Is.EqualTo(StartingStock), $"available + units in confirmed orders of {product}");
            }

            Assert.That(load.Answers.Keys, Has.None.EqualTo("500"), "no request ends in an unhandled error");
            Assert.That(load.Answers.GetValueOrDefault("201"), Is.Positive, "orders were confirmed during the run");
        });
    }

    private async Task InjectFaultsAsync(CrashableSystem system)
    {
        await Task.Delay(Between);
        await system.Payment.PauseAsync();
        Note("PaymentHost paused (SIGSTOP)");
        await Task.Delay(PausedFor);
        await system.Payment.ResumeAsync();
        Note("PaymentHost resumed (SIGCONT)");

        await Task.Delay(Between);
        await system.Inventory.StopAsync();
        Note("InventoryHost killed (SIGKILL)");
        await system.Inventory.StartAsync();
        Note("InventoryHost serving again");

        await Task.Delay(Between);
        await system.Api.KillAndStartAgainAsync();
        Note("WebApi killed (SIGKILL) and live again");

        await Task.Delay(Between);
        await system.Payment.StopAsync();
        Note("PaymentHost killed (SIGKILL)");
        await system.Payment.StartAsync();
        Note("PaymentHost serving again");

        await Task.Delay(Between);
        await system.Postgres.CrashAsync();
        Note("PostgreSQL crashed (pg_ctl stop -m immediate)");
        await Task.Delay(Between);
        await system.Postgres.StartAgainAsync();
        Note("PostgreSQL started again");
        await Task.Delay(Between);
    }

    private async Task<List<OrderResponse>> WaitUntilFinishedAsync(CrashableSystem system, IReadOnlyList<string> users)
    {
        var deadline = DateTime.UtcNow + RecoveryBound;
        while (true)
        {
            var orders = new List<OrderResponse>();
            foreach (var user in users)
            {
                orders.AddRange(await system.OrdersOfAsync(user));
            }

            var pending = orders.Count(order => order.Status == OrderResponseStatus.Pending);
            if (pending == 0 || DateTime.UtcNow > deadline)
            {
                Note($"recovery: {pending} orders still pending");
                return orders;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private void Report(IReadOnlyDictionary<string, int> answers, IReadOnlyList<OrderResponse> orders, IReadOnlyList<string> products, IReadOnlyDictionary<string, int> available)
    {
        var statuses = orders.GroupBy(order => order.Status).OrderBy(group => group.Key).Select(group => $"{group.Key} {group.Count()}");
        TestContext.Out.WriteLine($"Fault run: {Clients} clients, {orders.Count} orders stored, {_clock.Elapsed.TotalSeconds:F0} s in all");
        TestContext.Out.WriteLine($"  answers: {string.Join(", ", answers.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key}×{pair.Value}"))}");
        TestContext.Out.WriteLine($"  statuses: {string.Join(", ", statuses)}");
        foreach (var product in products)
        {
            TestContext.Out.WriteLine($"  {product}: stock before {StartingStock}, available after {available[product]}, in confirmed orders {UnitsSold(orders, product)}");
        }
    }

    private static int UnitsSold(IEnumerable<OrderResponse> orders, string product) =>
        orders.Where(order => order.Status == OrderResponseStatus.Confirmed).SelectMany(order => order.Items).Where(item => item.Product_id == product).Sum(item => item.Quantity);

    private void Note(string what) => TestContext.Out.WriteLine($"  {_clock.Elapsed.TotalSeconds,5:F1} s  {what}");

    /// <summary>The clients' orders: one loop per client until stopped or <see cref="MaxOrders"/> are answered, and what came back.</summary>
    private sealed class Load(Uri api, IReadOnlyList<string> products)
    {
        private int _answered;

        public ConcurrentDictionary<string, int> Answers { get; } = new();

        public int Answered => Volatile.Read(ref _answered);

        public async Task BuyAsync(string user, Random random, CancellationToken stop)
        {
            using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(15) };
            while (!stop.IsCancellationRequested && Answered < MaxOrders)
            {
                var order = new { user_id = user, items = new[] { new { product_id = products[random.Next(products.Count)], quantity = random.Next(1, 3) } } };
                string answer;
                try
                {
                    using var response = await http.PostAsJsonAsync("/orders", order, CancellationToken.None);
                    answer = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    Interlocked.Increment(ref _answered);
                }
                catch (HttpRequestException)
                {
                    answer = "no connection";
                }
                catch (TaskCanceledException)
                {
                    answer = "timeout";
                }

                Answers.AddOrUpdate(answer, 1, (_, count) => count + 1);
                if (answer is "no connection")
                {
                    // The WebApi is down for a moment: don't spin on refused connections.
                    await Task.Delay(TimeSpan.FromMilliseconds(250), CancellationToken.None);
                }
            }
        }
    }
}
