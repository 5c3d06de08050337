using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using Orders.Contracts.Payment.V1;

namespace Orders.WebApi.FunctionalTests.ScaleOut;

/// <summary>
/// Two instances of each stateless host behind HAProxy over shared stores; many clients replay each idempotency key
/// at once, so the replays race on different instances; mid-run one WebApi and one InventoryHost are killed and
/// started again. Afterwards the stores agree with each other as if one instance had done it all.
/// </summary>
[NonParallelizable]
public sealed partial class ScaleOutTests
{
    private const int Instances = 2;

    /// <summary>The PaymentHost keeps its records in memory, so one instance serves all (and is never killed) until they are shared.</summary>
    private const int PaymentInstances = 2;

    private const int Keys = 120;
    private const int ReplaysPerKey = 3;
    private const int KeysAtOnce = 8;
    private const int StockPerProduct = 150;
    private const decimal UnitPrice = 5m;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [Test]
    public async Task Instances_killed_mid_run_leave_one_order_per_key_every_order_final_and_stock_conserved()
    {
        await using var system = await ScaledSystem.StartAsync(Instances, PaymentInstances, new Dictionary<string, string>
        {
            ["RateLimiting__Orders__PermitLimit"] = EdgeFactory.UnlimitedOrders,
            // Longer than any saga here, even one that waits out every deadline while an InventoryHost is down: recovery
            // must only take orders no saga is still driving (see Recovery in the README).
            ["Recovery__StuckAfter"] = "00:00:15",
            ["Recovery__Interval"] = "00:00:00.500",
            // "Order … placed" tells when an instance has sagas in flight, the moment to kill it.
            ["Logging__LogLevel__Orders.Application.Orders.CreateOrder"] = "Debug",
        },
        // Each charge takes half a second, far longer than the log takes to say an order was placed, so an instance
        // seen driving sagas is still driving them when it is killed.
        new Dictionary<string, string> { ["Payment__Faults__Latency"] = "00:00:00.500" });
        var products = new string[3];
        for (var index = 0; index < products.Length; index++)
        {
            products[index] = await system.NewProductAsync(StockPerProduct, UnitPrice);
        }

        var stopwatch = Stopwatch.StartNew();

        var completed = 0;
        var chaos = KillAndRestartOneOfEachAsync(system, () => Volatile.Read(ref completed) >= Keys / 4);
        var answers = new List<KeyAnswers>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Keys), new ParallelOptions { MaxDegreeOfParallelism = KeysAtOnce }, async (key, _) =>
        {
            var body = OrderBody(key, products);
            var replays = await Task.WhenAll(Enumerable.Range(0, ReplaysPerKey).Select(_ => SendUntilAnsweredAsync(system.Http, $"scale-key-{key}", body)));
            lock (answers)
            {
                answers.Add(new KeyAnswers(key, replays));
            }

            Interlocked.Increment(ref completed);
        });
        var kill = await chaos;
        await system.WaitUntilEveryInstanceIsUpAsync(TimeSpan.FromSeconds(30));
        var orders = await WaitUntilEveryOrderIsFinalAsync(system.OrdersDatabase, TimeSpan.FromSeconds(45));
        stopwatch.Stop();

        var recoveredBy = system.Apis
            .SelectMany((api, index) => RecoveredOrders().Matches(api.ReadLog()).Select(match => (Order: Guid.Parse(match.Groups["id"].Value), Instance: index)))
            .ToList();
        var sold = orders.Where(order => order.Status == "confirmed").SelectMany(order => order.Lines).ToLookup(line => line.Product, line => line.Quantity);
        var stock = new List<(string Product, int Available, int Sold)>();
        foreach (var product in products)
        {
            stock.Add((product, await system.AvailableAsync(product), sold[product].Sum()));
        }

        var moneyMismatches = await PaymentsNotMatchingAsync(system, orders);
        var balanced = await system.Balancer.InstancesAsync();
        Report(stopwatch.Elapsed, kill, balanced, answers, orders, recoveredBy, stock);

        Assert.Multiple(() =>
        {
            Assert.That(answers.SelectMany(answer => answer.Replays).All(replay => replay.Final), Is.True, "every request got an answer that ends its order");
            Assert.That(orders, Has.Count.EqualTo(Keys), "one order per idempotency key");
            Assert.That(orders.Select(order => order.Key).Distinct().Count(), Is.EqualTo(Keys));
            Assert.That(answers.Where(answer => answer.Replays.Select(replay => replay.OrderId).OfType<Guid>().Distinct().Count() > 1), Is.Empty, "every replay of a key names the same order");
            Assert.That(orders.Where(order => order.Status == "pending"), Is.Empty, "every order final");
            Assert.That(orders.Select(order => order.Status).Distinct(), Is.SubsetOf(new[] { "confirmed", "rejected", "payment_declined", "failed" }));
            Assert.That(stock.Where(entry => entry.Available < 0 || entry.Sold > StockPerProduct), Is.Empty, "nothing oversold");
            Assert.That(stock.Where(entry => entry.Available + entry.Sold != StockPerProduct), Is.Empty, "per product: available + sold == stock before");
            Assert.That(moneyMismatches, Is.Empty, "money taken for exactly the confirmed orders");
            Assert.That(kill.Stuck, Is.SubsetOf(recoveredBy.Select(entry => entry.Order)), "every order the kill left between steps is recovered");
            Assert.That(recoveredBy.GroupBy(entry => entry.Order).Where(group => group.Count() > 1).Select(group => group.Key), Is.Empty, "each stuck order recovered by exactly one instance");
            Assert.That(recoveredBy.Select(entry => entry.Order), Is.SubsetOf(orders.Select(order => order.Id)));
            Assert.That(balanced.Where(pair => pair.Key.StartsWith("webapi", StringComparison.Ordinal)).Select(pair => pair.Value.Requests), Has.All.GreaterThan(Keys / Instances / 2), "the balancer spread the clients");
            Assert.That(stopwatch.Elapsed, Is.LessThan(Bound));
        });
    }

    /// <summary>Orders whose payment disagrees with their status (approved, yet not confirmed, or the reverse), each with what the WebApis logged of it.</summary>
    private static async Task<IReadOnlyList<string>> PaymentsNotMatchingAsync(ScaledSystem system, IReadOnlyList<StoredOrder> orders)
    {
        var mismatches = new List<string>();
        foreach (var order in orders)
        {
            var payment = await system.PaymentOfAsync(order.Id);
            if ((payment == PaymentStatus.Approved) != (order.Status == "confirmed"))
            {
                var logged = system.Apis.SelectMany((api, index) => api.ReadLog().Split('\n')
                    .Where(line => line.Contains(order.Id.ToString(), StringComparison.Ordinal)).Select(line => $"  webapi{index + 1}: {line}"));
                mismatches.Add($"{order.Id} {order.Status} ({order.Reason}), payment {payment?.ToString() ?? "unknown"}:\n{string.Join("\n", logged)}");
            }
        }

        return mismatches;
    }

    private static void Report(
        TimeSpan elapsed,
        Kill kill,
        IReadOnlyDictionary<string, (string Status, long Requests)> balanced,
        IReadOnlyList<KeyAnswers> answers,
        IReadOnlyList<StoredOrder> orders,
        IReadOnlyList<(Guid Order, int Instance)> recoveredBy,
        IReadOnlyList<(string Product, int Available, int Sold)> stock)
    {
        var output = TestContext.Out;
        output.WriteLine($"Scale-out: {Instances} WebApi + {Instances} InventoryHost + {PaymentInstances} PaymentHost behind HAProxy; " +
            $"{Keys} keys × {ReplaysPerKey} racing replays, {KeysAtOnce * ReplaysPerKey} requests at once; elapsed {elapsed.TotalSeconds:F1} s");
        output.WriteLine($"  kill: {kill.What}; it left {kill.Stuck.Count} orders pending between saga steps");
        output.WriteLine("  requests answered per instance: " +
            string.Join(", ", balanced.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key} {pair.Value.Requests}")));
        output.WriteLine($"  client retries (connection cut, 502/503, order in progress): {answers.Sum(answer => answer.Replays.Sum(replay => replay.Retries))}");
        output.WriteLine($"  orders {orders.Count}: " +
            string.Join(", ", orders.GroupBy(order => order.Status).OrderBy(group => group.Key, StringComparer.Ordinal).Select(group => $"{group.Key} {group.Count()}")));
        output.WriteLine($"  recovered: {recoveredBy.Count} orders (" +
            string.Join(", ", recoveredBy.GroupBy(entry => entry.Instance).OrderBy(group => group.Key).Select(group => $"webapi{group.Key + 1} {group.Count()}")) + ")");
        output.WriteLine("  stock per product (before / available after / sold): " +
            string.Join("; ", stock.Select(entry => $"{StockPerProduct} / {entry.Available} / {entry.Sold}")));
    }

    /// <summary>Sends the request until it gets an answer that ends the order: a cut connection, a 5xx or "in progress" is replayed under the same key.</summary>
    private static async Task<ReplayAnswer> SendUntilAnsweredAsync(HttpClient http, string key, string body)
    {
        var deadline = DateTime.UtcNow + Bound;
        for (var retries = 0; ; retries++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/orders", UriKind.Relative))
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                request.Headers.Add("Idempotency-Key", key);
                using var response = await http.SendAsync(request);
                var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                var orderId = document.TryGetProperty("id", out var id) || document.TryGetProperty("order_id", out id) ? Guid.Parse(id.GetString()!) : (Guid?)null;
                var inProgress = document.TryGetProperty("type", out var type) && type.GetString() == "/problems/order-in-progress";
                if (response.StatusCode < HttpStatusCode.InternalServerError && !inProgress)
                {
                    return new ReplayAnswer(response.StatusCode, orderId, retries, Final: response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.Conflict or HttpStatusCode.PaymentRequired);
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                return new ReplayAnswer(HttpStatusCode.ServiceUnavailable, null, retries, Final: false);
            }

            await Task.Delay(200);
        }
    }

    /// <summary>One to three of the products, one to three units each; every tenth buyer's payment is declined.</summary>
    private static string OrderBody(int key, string[] products)
    {
        var user = key % 10 == 0 ? $"declined-scale-{key}" : $"scale-u{key % 7}";
        var lines = products.Take(1 + (key % products.Length)).Select((product, line) => $$"""{"product_id":"{{product}}","quantity":{{1 + ((key + line) % 3)}}}""");
        return $$"""{"user_id":"{{user}}","items":[{{string.Join(",", lines)}}]}""";
    }

    private static async Task<IReadOnlyList<StoredOrder>> WaitUntilEveryOrderIsFinalAsync(string database, TimeSpan timeout)
    {
        await using var source = NpgsqlDataSource.Create(database);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var orders = new Dictionary<Guid, StoredOrder>();
            await using (var command = source.CreateCommand(
                "SELECT o.id, o.idempotency_key, o.status, i.product_id, i.quantity, o.status_reason FROM orders o JOIN order_items i ON i.order_id = o.id"))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    var id = reader.GetGuid(0);
                    if (!orders.TryGetValue(id, out var order))
                    {
                        orders[id] = order = new StoredOrder(id, reader.GetString(1), reader.GetString(2), reader.IsDBNull(5) ? null : reader.GetString(5), []);
                    }

                    order.Lines.Add((reader.GetString(3), reader.GetInt32(4)));
                }
            }

            if (orders.Values.All(order => order.Status != "pending") || DateTime.UtcNow > deadline)
            {
                return [.. orders.Values];
            }

            await Task.Delay(250);
        }
    }

    [GeneratedRegex("Order (?<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}) recovered from")]
    private static partial Regex RecoveredOrders();

    private sealed record ReplayAnswer(HttpStatusCode Status, Guid? OrderId, int Retries, bool Final);

    private sealed record KeyAnswers(int Key, IReadOnlyList<ReplayAnswer> Replays);

    private sealed record StoredOrder(Guid Id, string Key, string Status, string? Reason, List<(string Product, int Quantity)> Lines);
}
