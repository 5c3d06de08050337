using Orders.Bench;

namespace Orders.UnitTests.Benchmarks;

/// <summary>Where an order's time goes: the hosts' duration histograms read at the window's edges, told apart by part.</summary>
public sealed class OrderTimeTests
{
    private const string WebApiPage = """
        # TYPE http_server_request_duration_seconds histogram
        http_server_request_duration_seconds_bucket{http_request_method="POST",http_response_status_code="201",http_route="/orders/",le="0.005"} 90
        http_server_request_duration_seconds_sum{http_request_method="POST",http_response_status_code="201",http_route="/orders/"} 0.9
        http_server_request_duration_seconds_count{http_request_method="POST",http_response_status_code="201",http_route="/orders/"} 90
        http_server_request_duration_seconds_sum{http_request_method="POST",http_response_status_code="409",http_route="/orders/"} 0.1
        http_server_request_duration_seconds_count{http_request_method="POST",http_response_status_code="409",http_route="/orders/"} 10
        orders_saga_step_duration_seconds_sum{otel_scope_name="Orders.Application",step="reserve"} 0.3
        orders_saga_step_duration_seconds_count{otel_scope_name="Orders.Application",step="reserve"} 100
        orders_saga_step_duration_seconds_sum{otel_scope_name="Orders.Application",step="charge"} 0.2
        orders_saga_step_duration_seconds_count{otel_scope_name="Orders.Application",step="charge"} 90
        orders_saga_step_duration_seconds_sum{otel_scope_name="Orders.Application",step="commit"} 0.1
        orders_saga_step_duration_seconds_count{otel_scope_name="Orders.Application",step="commit"} 90
        db_client_operation_duration_seconds_sum{db_client_connection_pool_name="Host=127.0.0.1;Database=orders;Username=postgres"} 0.25
        db_client_operation_duration_seconds_count{db_client_connection_pool_name="Host=127.0.0.1;Database=orders;Username=postgres"} 200
        dotnet_gc_heap_total_allocated_bytes_total 1000
        """;

    private const string InventoryPage = """
        http_server_request_duration_seconds_sum{http_request_method="POST",http_route="/orders.inventory.v1.Inventory/Reserve"} 0.2
        http_server_request_duration_seconds_count{http_request_method="POST",http_route="/orders.inventory.v1.Inventory/Reserve"} 100
        http_server_request_duration_seconds_sum{http_request_method="POST",http_route="/orders.inventory.v1.Inventory/Commit"} 0.05
        http_server_request_duration_seconds_count{http_request_method="POST",http_route="/orders.inventory.v1.Inventory/Commit"} 90
        """;

    private const string PaymentPage = """
        http_server_request_duration_seconds_sum{http_request_method="POST",http_route="/orders.payment.v1.Payments/Charge"} 0.15
        http_server_request_duration_seconds_count{http_request_method="POST",http_route="/orders.payment.v1.Payments/Charge"} 90
        db_client_operation_duration_seconds_sum{db_client_connection_pool_name="Host=127.0.0.1;Database=payments;Username=postgres"} 0.1
        db_client_operation_duration_seconds_count{db_client_connection_pool_name="Host=127.0.0.1;Database=payments;Username=postgres"} 90
        """;

    [Test]
    public void Each_histogram_adds_up_by_host_and_part_and_other_series_are_left_out()
    {
        var waits = Read(scale: 1);

        Assert.Multiple(() =>
        {
            Assert.That(waits[HostWaits.Served("WebApi", "/orders")], Is.EqualTo(new Wait(1.0, 100)), "every status of the route, trailing slash left off");
            Assert.That(waits[HostWaits.Step("charge")], Is.EqualTo(new Wait(0.2, 90)));
            Assert.That(waits[HostWaits.Postgres("WebApi", "orders")], Is.EqualTo(new Wait(0.25, 200)));
            Assert.That(waits[HostWaits.Postgres("PaymentHost", "payments")], Is.EqualTo(new Wait(0.1, 90)));
            Assert.That(waits[HostWaits.Served("InventoryHost", "/orders.inventory.v1.Inventory/Commit")], Is.EqualTo(new Wait(0.05, 90)));
            Assert.That(waits, Has.Count.EqualTo(9), "buckets and other meters add nothing");
        });
    }

    [Test]
    public void An_order_s_time_is_split_into_stores_hosts_ways_and_the_WebApi_s_own()
    {
        var before = new CommandTotals(Counts(), Counts(), Counts(), Waits: Read(scale: 1));
        var after = new CommandTotals(Counts(), Counts(), Counts(), Waits: Read(scale: 3));
        var count = CommandCount.Between(HostCommands.Name, before, after, orders: 100, seconds: 1)!;

        var parts = WaitReport.Parts(count.Waits, Measured(clients: 1))!;

        Assert.Multiple(() =>
        {
            // Per order over the window's growth (twice the reading): the WebApi's 2.0 s over 100 orders is 20 ms.
            Assert.That(parts.Request, Is.EqualTo(20).Within(1e-9));
            Assert.That(parts.Postgres, Is.EqualTo(5).Within(1e-9));
            Assert.That(parts.ChargePostgres, Is.EqualTo(2).Within(1e-9));
            Assert.That(new[] { parts.Reserve, parts.Charge, parts.Commit }.Select(call => (Math.Round(call.Served, 6), Math.Round(call.Way, 6))),
                Is.EqualTo(new[] { (4.0, 2.0), (3.0, 1.0), (1.0, 1.0) }), "the way is the step less the serving host's time");
            Assert.That(parts.Own, Is.EqualTo(20 - 5 - 12).Within(1e-9), "the request less its PostgreSQL and the three steps");
            Assert.That(WaitReport.Parts(count.Waits!.Where(pair => !pair.Key.StartsWith("WebApi /orders", StringComparison.Ordinal)).ToDictionary(), Measured(1)), Is.Null,
                "without the request there is nothing to split");
        });
    }

    [Test]
    public void The_report_prints_each_full_system_run_and_sets_one_client_s_parts_beside_raw_storage()
    {
        var count = CommandCount.Between(HostCommands.Name, new CommandTotals(Counts(), Counts(), Counts(), Waits: Read(1)),
            new CommandTotals(Counts(), Counts(), Counts(), Waits: Read(3)), orders: 100, seconds: 1);
        var runs = new List<RunReport>
        {
            new("raw", Measured(clients: 32), null),
            new("raw", Measured(clients: 1) with { LatencyMs = new Latency(1, 1, 1, 1, 1.5) }, null),
            new("http", Measured(clients: 1) with { Name = "full system, 1 client", Commands = [count!] }, null),
        };

        var markdown = new BenchReport(DateTimeOffset.UnixEpoch, "test", BenchSettings.From(new BenchOptions()), runs).ToMarkdown();

        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.Contain("| full system, 1 client | 22.00 | 20.00 | 5.00 | 4.00 · 2.00 | 3.00 (2.00) · 1.00 | 1.00 · 1.00 | 3.00 |"));
            Assert.That(markdown, Does.Contain("raw storage's order takes 1.50 ms on average"));
            Assert.That(markdown, Does.Contain("PostgreSQL 7.00 ms (three round trips)"));
        });
    }

    private static Dictionary<string, Wait> Read(double scale) =>
        HostWaits.From(
        [
            ("WebApi", Scaled(WebApiPage, scale)),
            ("InventoryHost", Scaled(InventoryPage, scale)),
            ("PaymentHost", Scaled(PaymentPage, scale)),
        ]);

    private static List<MetricSample> Scaled(string page, double scale) =>
        [.. PrometheusText.Parse(page).Select(sample => sample with { Value = sample.Value * scale })];

    private static Dictionary<string, long> Counts() => new(StringComparer.Ordinal);

    private static Measurement Measured(int clients) =>
        new("run", clients, 100, 1, 100, new Latency(1, 2, 3, 4, 22), new Dictionary<string, long> { ["201"] = 100 });
}
