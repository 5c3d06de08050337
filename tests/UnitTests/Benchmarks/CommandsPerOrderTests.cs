using Orders.Bench;

namespace Orders.UnitTests.Benchmarks;

/// <summary>Commands per order: counted at the window's edges, read from the hosts' metrics, split from background work.</summary>
public sealed class CommandsPerOrderTests
{
    private const string HostMetrics = """
        # TYPE inventory_mongo_commands_total counter
        inventory_mongo_commands_total{otel_scope_name="Orders.Inventory",command="findAndModify",origin="call"} 20 1733353200000
        inventory_mongo_commands_total{otel_scope_name="Orders.Inventory",command="insert",origin="call"} 10
        inventory_mongo_commands_total{otel_scope_name="Orders.Inventory",command="isMaster",origin="call"} 3
        inventory_mongo_commands_total{otel_scope_name="Orders.Inventory",command="update",origin="background"} 2
        # TYPE db_client_operation_duration_seconds histogram
        db_client_operation_duration_seconds_bucket{db_client_connection_pool_name="Host=127.0.0.1;Port=55433;Database=orders;Username=postgres",le="0.001"} 4
        db_client_operation_duration_seconds_count{db_client_connection_pool_name="Host=127.0.0.1;Port=55433;Database=orders;Username=postgres",db_system_name="postgresql"} 20
        db_client_operation_duration_seconds_count{db_client_connection_pool_name="Host=127.0.0.1;Port=55433;Database=payments;Username=postgres",db_system_name="postgresql"} 10
        db_client_operation_duration_seconds_count{db_client_connection_pool_name="audit \"pool\"",db_system_name="postgresql"} 1
        """;

    [Test]
    public void The_hosts_metrics_give_a_calls_mongo_commands_apart_from_background_and_round_trips_by_database()
    {
        var totals = HostCommands.Totals(PrometheusText.Parse(HostMetrics));

        Assert.Multiple(() =>
        {
            Assert.That(totals.Mongo, Is.EqualTo(new Dictionary<string, long> { ["findAndModify"] = 20, ["insert"] = 10 }));
            Assert.That(totals.MongoBackground, Is.EqualTo(new Dictionary<string, long> { ["isMaster"] = 3, ["update"] = 2 }), "connection set-up is never an order's");
            Assert.That(totals.Postgres, Is.EqualTo(new Dictionary<string, long> { ["orders"] = 20, ["payments"] = 10, ["audit \"pool\""] = 1 }));
        });
    }

    [Test]
    public void A_count_is_the_growth_between_two_readings_per_order()
    {
        var before = new CommandTotals(Counts(("insert", 5)), Counts(), Counts(("orders", 10)));
        var after = new CommandTotals(Counts(("insert", 105), ("findAndModify", 200)), Counts(("update", 3)), Counts(("orders", 210), ("payments", 100)));

        var count = CommandCount.Between("hosts", before, after, orders: 100, seconds: 2)!;

        Assert.Multiple(() =>
        {
            Assert.That(count.MongoPerOrder, Is.EqualTo(3.0));
            Assert.That(count.Mongo.Keys, Is.EqualTo(new[] { "findAndModify", "insert" }), "most first");
            Assert.That(count.PerOrder(count.Postgres["orders"]), Is.EqualTo(2.0));
            Assert.That(count.MongoBackground["update"], Is.EqualTo(3));
            Assert.That(CommandCount.Between("hosts", null, after, 100, 2), Is.Null, "a host that could not be read gives no count");
        });
    }

    [Test]
    public async Task The_window_opens_with_no_warm_up_order_in_flight_so_each_measured_order_counts_its_own_commands()
    {
        var counter = new FakeCounter();
        var options = new BenchOptions { Clients = 4, Warmup = TimeSpan.FromSeconds(0.2), Duration = TimeSpan.FromSeconds(0.3) };

        var measured = await new LoadDriver(options, ["p1", "p2"]).RunAsync("test", async _ =>
        {
            counter.Send();
            await Task.Delay(15);
            counter.Send();
            return new Attempt("confirmed", Confirmed: true);
        }, [counter]);

        var count = measured.Commands!.Single();
        Assert.Multiple(() =>
        {
            Assert.That(count.Orders, Is.EqualTo(measured.Orders));
            Assert.That(count.MongoPerOrder, Is.EqualTo(2.0), "no command of a warm-up order falls inside the window");
        });
    }

    [Test]
    public void The_report_prints_commands_per_order_by_store_and_the_background_apart()
    {
        var count = new CommandCount(HostCommands.Name, 100, 10, Counts(("findAndModify", 200), ("insert", 100)), Counts(("update", 5)), Counts(("orders", 200), ("payments", 100)));
        var http = new RunReport("http", Measured() with { Name = "full system", Commands = [count] }, null);

        var markdown = new BenchReport(DateTimeOffset.UnixEpoch, "test", BenchSettings.From(new BenchOptions()), [http]).ToMarkdown();

        Assert.That(markdown, Does.Contain("| full system | 3.00 | findAndModify 2.00 · insert 1.00 | 2.00 / 1.00 | 0.05 (update 0.05) |"));
    }

    [TestCase("Host=127.0.0.1;Port=55433;Database=orders;Username=postgres", "orders")]
    [TestCase("orders-pool", "orders-pool")]
    public void A_pool_is_known_by_its_database_when_its_name_is_a_connection_string(string pool, string database) =>
        Assert.That(DriverCommands.DatabaseOf(pool), Is.EqualTo(database));

    private static Dictionary<string, long> Counts(params (string Key, long Count)[] counts) =>
        counts.ToDictionary(pair => pair.Key, pair => pair.Count, StringComparer.Ordinal);

    private static Measurement Measured() =>
        new("run", 32, 100, 10, 10, new Latency(1, 2, 3, 4), new Dictionary<string, long> { ["201"] = 100 });

    /// <summary>Counts what the test says was sent, as a driver's command events would.</summary>
    private sealed class FakeCounter : ICommandCounter
    {
        private long _sent;

        public string CountedBy => DriverCommands.Name;

        public void Send() => Interlocked.Increment(ref _sent);

        public Task<CommandTotals?> ReadAsync() => Task.FromResult<CommandTotals?>(
            new CommandTotals(Counts(("insert", Interlocked.Read(ref _sent))), Counts(), Counts()));
    }
}
