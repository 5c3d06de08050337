using Orders.Bench;

namespace Orders.UnitTests.Benchmarks;

/// <summary>The load tool's own arithmetic: what it reports must be what happened.</summary>
public sealed class LoadToolTests
{
    private static readonly string[] Products = ["p1", "p2", "p3", "p4"];

    [TestCase(0.50, 50)]
    [TestCase(0.90, 90)]
    [TestCase(0.99, 99)]
    [TestCase(1.00, 100)]
    public void Percentiles_are_nearest_rank(double fraction, double expected)
    {
        double[] sorted = [.. Enumerable.Range(1, 100).Select(i => (double)i)];

        Assert.That(LoadDriver.Percentile(sorted, fraction), Is.EqualTo(expected));
    }

    [Test]
    public void A_percentile_of_no_samples_is_zero() => Assert.That(LoadDriver.Percentile([], 0.99), Is.Zero);

    [Test]
    public void An_order_names_each_product_once_and_clients_spread_over_the_products()
    {
        var options = new BenchOptions { Lines = 3, Quantity = 2 };

        var plans = Enumerable.Range(0, 4).Select(client => OrderPlan.For(client, sequence: 5, options, Products)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(plans.Select(plan => plan.Lines.Select(line => line.ProductId).Distinct().Count()), Is.All.EqualTo(3));
            Assert.That(plans.SelectMany(plan => plan.Lines).Select(line => line.Quantity), Is.All.EqualTo(2));
            Assert.That(plans.Select(plan => plan.Lines[0].ProductId).Distinct().Count(), Is.EqualTo(4), "each client starts elsewhere");
            Assert.That(plans.SelectMany(plan => plan.Lines).Select(line => Products[line.Index] == line.ProductId), Is.All.True);
        });
    }

    [Test]
    public void Options_are_read_and_checked()
    {
        var options = BenchOptions.Parse(["--mode", "http", "--clients", "8", "--duration", "2.5", "--lines", "2", "--idempotency", "--rounds", "3"]);

        Assert.Multiple(() =>
        {
            Assert.That(options.Mode, Is.EqualTo("http"));
            Assert.That(options.Clients, Is.EqualTo(8));
            Assert.That(options.Duration, Is.EqualTo(TimeSpan.FromSeconds(2.5)));
            Assert.That(options.Idempotency, Is.True);
            Assert.That(options.Rounds, Is.EqualTo(3));
            Assert.That(() => BenchOptions.Parse(["--clients", "0"]), Throws.ArgumentException);
            Assert.That(() => BenchOptions.Parse(["--lines", "9", "--products", "8"]), Throws.ArgumentException);
            Assert.That(() => BenchOptions.Parse(["--frobnicate"]), Throws.ArgumentException);
            Assert.That(() => BenchOptions.Parse(["--mode", "fast"]), Throws.ArgumentException);
        });
    }

    [Test]
    public void The_report_gives_the_ratio_of_full_system_to_raw_and_flags_a_stock_mismatch()
    {
        var raw = new RunReport("raw", Measured(400), new StockCheck(Taken: 10, Answered: 10, Stored: 10, Conserved: true));
        var http = new RunReport("http", Measured(100), new StockCheck(Taken: 11, Answered: 10, Stored: 10, Conserved: false));

        var report = new BenchReport(DateTimeOffset.UnixEpoch, "test", BenchSettings.From(new BenchOptions()), [raw, http]);

        Assert.Multiple(() =>
        {
            Assert.That(report.Ratio, Is.EqualTo(0.25));
            Assert.That(report.Conserved, Is.False);
            Assert.That(report.ToMarkdown(), Does.Contain("MISMATCH: taken 11, answered 10, stored 10"));
            Assert.That(report.ToMarkdown(), Does.Contain("Full system / raw storage: 25"));
        });
    }

    [Test]
    public void Later_pairs_of_raw_and_full_system_runs_alternate_their_order_and_warm_up_briefly()
    {
        var runs = PlannedRun.For(new BenchOptions { Rounds = 3, Warmup = TimeSpan.FromSeconds(120) });

        Assert.Multiple(() =>
        {
            Assert.That(runs.Take(10).Select(run => $"{run.Mode}{run.Round}"), Is.EqualTo(new[] { "mongo1", "postgres1", "raw1", "http1", "http2", "raw2", "raw3", "http3", "raw1", "http1" }));
            Assert.That(runs.Take(10).Select(run => run.Clients), Is.EqualTo(Enumerable.Repeat<int?>(null, 8).Concat([1, 1])), "then one client each");
            Assert.That(runs.Skip(10).Select(run => run.Mode), Is.All.Matches<string>(HopFloor.IsFloor), "the floor runs come last");
            Assert.That(runs.Take(4).Select(run => run.Warmup), Is.All.EqualTo(TimeSpan.FromSeconds(120)));
            Assert.That(runs.Skip(4).Select(run => run.Warmup), Is.All.EqualTo(PlannedRun.LaterRoundWarmup));
            Assert.That(PlannedRun.For(new BenchOptions { Rounds = 2, Warmup = TimeSpan.FromSeconds(1) }).Last().Warmup, Is.EqualTo(TimeSpan.FromSeconds(1)), "never longer than --warmup");
            Assert.That(PlannedRun.For(new BenchOptions { Mode = "http", Rounds = 3 }).Select(run => run.Mode), Is.EqualTo(new[] { "http" }));
        });
    }

    [Test]
    public void With_several_pairs_the_ratio_is_their_median_and_each_is_listed_in_round_order()
    {
        RunReport[] runs =
        [
            new("raw", Measured(400), null), new("http", Measured(100), null),
            new("http", Measured(200), null, Round: 2), new("raw", Measured(400), null, Round: 2),
            new("raw", Measured(500), null, Round: 3), new("http", Measured(200), null, Round: 3),
        ];

        var report = new BenchReport(DateTimeOffset.UnixEpoch, "test", BenchSettings.From(new BenchOptions { Rounds = 3 }), runs);

        Assert.Multiple(() =>
        {
            Assert.That(report.Ratios, Is.EqualTo(new[] { 0.25, 0.5, 0.4 }));
            Assert.That(report.Ratio, Is.EqualTo(0.4));
            Assert.That(report.ToMarkdown(), Does.Contain("then 2 more pair(s) of raw and full-system runs, 5 s warm-up each"));
            Assert.That(report.ToMarkdown(), Does.Contain("Full system / raw storage: 40 %** of the throughput, the median of 3 pairs (25 %, 50 %, 40 %)"));
            Assert.That(new BenchReport(DateTimeOffset.UnixEpoch, "test", report.Settings, runs[..4]).Ratio, Is.EqualTo(0.375).Within(1e-9), "an even count takes the middle two");
        });
    }

    [Test]
    public void The_targets_are_read_off_the_full_load_pairs_and_the_single_client_pair_and_say_which_are_met()
    {
        var cpu = new Dictionary<string, double> { ["WebApi"] = 0.5, ["InventoryHost"] = 0.4, ["PaymentHost"] = 0.2, ["MongoDB"] = 0.6 };
        var commands = new CommandCount(
            HostCommands.Name, 1000, 10, new Dictionary<string, long> { ["findAndModify"] = 2000, ["insert"] = 1000 }, new Dictionary<string, long>(),
            new Dictionary<string, long> { ["orders"] = 2000, ["payments"] = 1000 });
        RunReport[] runs =
        [
            new("raw", Measured(1000) with { LatencyMs = new Latency(2, 4, 20, 30) }, null),
            new("http", Measured(400) with { LatencyMs = new Latency(5, 9, 50, 60), CpuMsPerOrder = cpu, Commands = [commands] }, null),
            new("raw", Measured(500) with { Clients = 1, LatencyMs = new Latency(1, 2, 3, 4) }, null),
            new("http", Measured(100) with { Clients = 1, LatencyMs = new Latency(3, 4, 5, 6) }, null),
        ];

        var markdown = new BenchReport(DateTimeOffset.UnixEpoch, "test", BenchSettings.From(new BenchOptions()), runs).ToMarkdown();

        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.Contain("| CPU per order in the product's processes (WebApi + InventoryHost + PaymentHost), ms | ≤ 1.2 | 1.10 | yes |"));
            Assert.That(markdown, Does.Contain("| MongoDB commands per order | ≤ 3 | 3.00 | yes |"));
            Assert.That(markdown, Does.Contain("| PostgreSQL round trips per order, orders database | ≤ 2 | 2.00 | yes |"));
            Assert.That(markdown, Does.Contain("| throughput at 32 clients, full system ÷ raw | ≥ 50 % | 40 % | no |"), "the single-client pair is no pair of the ratio");
            Assert.That(markdown, Does.Contain("| p99 at 32 clients, full system ÷ raw | ≤ 2× | 2.50× | no |"));
            Assert.That(markdown, Does.Contain("| p50 with one client, full system ÷ raw | ≤ 2× | 3.00× | no |"));
        });
    }

    [Test]
    public void Raw_rounds_far_apart_are_flagged_as_the_machine_changing_speed()
    {
        RunReport[] swinging = [new("raw", Measured(1000), null), new("http", Measured(400), null), new("raw", Measured(1300), null, Round: 2), new("raw", Measured(1250), null, Round: 3)];
        RunReport[] steady = [new("raw", Measured(1000), null), new("http", Measured(400), null), new("raw", Measured(1150), null, Round: 2), new("raw", Measured(1100), null, Round: 3)];
        var settings = BenchSettings.From(new BenchOptions { Rounds = 3 });

        var flagged = new BenchReport(DateTimeOffset.UnixEpoch, "test", settings, swinging).ToMarkdown();

        Assert.Multiple(() =>
        {
            Assert.That(flagged, Does.Contain("raw storage, the same work each round, ran at 1,000 to 1,300 orders/s (24 % of their median apart)"));
            Assert.That(new BenchReport(DateTimeOffset.UnixEpoch, "test", settings, steady).ToMarkdown(), Does.Not.Contain("speed changed"), "14 % apart is the machine's usual noise");
            Assert.That(TargetReport.Swing(new BenchReport(DateTimeOffset.UnixEpoch, "test", settings, swinging[..2])), Is.Null, "one raw run has nothing to differ from");
        });
    }

    [TestCase("dotnet /app/src/WebApi/bin/Release/net10.0/Orders.WebApi.dll --urls http://localhost:8080 ", "WebApi")]
    [TestCase("/app/Orders.InventoryHost ", "InventoryHost")]
    [TestCase("dotnet Orders.PaymentHost.dll ", "PaymentHost")]
    [TestCase("dotnet bench/Orders.Bench/bin/Release/net10.0/Orders.Bench.dll --mode http ", "load tool")]
    [TestCase("/usr/share/dotnet/dotnet /work/main/bench/Orders.Bench/bin/Release/net10.0/Orders.Bench.dll --echo-server 5021 ", "echo server")]
    [TestCase("/usr/bin/python3 -s /work/shared/mongo-test-server/server.py --port 27018 ", "MongoDB")]
    [TestCase("mongod --dbpath /data/db ", "MongoDB")]
    [TestCase("/usr/lib/postgresql/15/bin/postgres -D /data/pg -p 55433 ", "PostgreSQL")]
    [TestCase("postgres: postgres orders 127.0.0.1(40512) idle ", "PostgreSQL")]
    [TestCase("/usr/lib/erlang/erts-13.1.5/bin/beam.smp -W w -MBas ageffcbf -- -root /usr/lib/erlang -progname erl -- -home /work/main/.local/bench/rabbitmq -- -noshell -noinput -s rabbit boot -sname orders@localhost ", "RabbitMQ")]
    [TestCase("/usr/lib/erlang/erts-13.1.5/bin/beam.smp -- -root /usr/lib/erlang -progname erl -- -noshell -s couch ", null)]
    [TestCase("/usr/sbin/sshd -D ", null)]
    [TestCase("", null)]
    public void Processes_of_the_stack_are_told_apart_by_their_command_line(string commandLine, string? role) =>
        Assert.That(ProcessCpu.RoleOf(commandLine), Is.EqualTo(role));

    [Test]
    public void Cpu_time_is_read_after_a_command_name_holding_spaces_and_parentheses() =>
        Assert.That(
            ProcessCpu.CpuTicks("4242 (.NET TP (Worker) 1) S 1 4242 4242 0 -1 4194560 123 0 0 0 250 75 0 0 20 0 30 0 100 0 0"),
            Is.EqualTo(325));

    [Test]
    public void Cpu_per_order_is_the_growth_over_the_window_divided_by_the_orders_in_report_order()
    {
        var before = new Dictionary<string, double> { ["WebApi"] = 10, ["PostgreSQL"] = 4 };
        var after = new Dictionary<string, double> { ["PostgreSQL"] = 5, ["WebApi"] = 12, ["load tool"] = 0.5 };

        var perOrder = ProcessCpu.PerOrder(before, after, orders: 1000)!;

        Assert.Multiple(() =>
        {
            Assert.That(perOrder.Keys, Is.EqualTo(new[] { "WebApi", "PostgreSQL", "load tool" }));
            Assert.That(perOrder["WebApi"], Is.EqualTo(2.0).Within(1e-9));
            Assert.That(perOrder["PostgreSQL"], Is.EqualTo(1.0).Within(1e-9));
            Assert.That(perOrder["load tool"], Is.EqualTo(0.5).Within(1e-9), "a process started inside the window counts from zero");
            Assert.That(ProcessCpu.PerOrder(before, after, orders: 0), Is.Null);
        });
    }

    [Test]
    public void The_report_lists_cpu_per_order_for_each_run_that_has_it()
    {
        var cpu = new Dictionary<string, double> { ["WebApi"] = 1.5, ["PostgreSQL"] = 1.25 };
        var http = new RunReport("http", Measured(100) with { Name = "full system", CpuMsPerOrder = cpu }, null);
        var raw = new RunReport("raw", Measured(400), null);

        var markdown = new BenchReport(DateTimeOffset.UnixEpoch, "test", BenchSettings.From(new BenchOptions()), [raw, http]).ToMarkdown();

        Assert.That(markdown, Does.Contain("- full system: WebApi 1.50 · PostgreSQL 1.25 · total 2.75"));
        Assert.That(markdown, Does.Not.Contain("- run:"), "a run without figures gets no line");
    }

    private static Measurement Measured(double ordersPerSecond) =>
        new("run", 32, 1000, 10, ordersPerSecond, new Latency(1, 2, 3, 4), new Dictionary<string, long> { ["201"] = 1000 });
}
