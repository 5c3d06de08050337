using Orders.Bench;

namespace Orders.UnitTests.Benchmarks;

/// <summary>The load tool's open loop: requests go out on a fixed schedule, and each latency runs from when it was due.</summary>
public sealed class OpenLoopTests
{
    private static readonly string[] Products = ["p1", "p2"];

    [Test]
    public async Task A_slow_answer_holds_back_no_later_request()
    {
        var options = new BenchOptions { OpenDurationSetting = TimeSpan.FromSeconds(0.5) };
        var started = 0;
        var driver = new OpenLoopDriver(options, Products);

        var measured = await driver.RunAsync(new OpenLoopStep("raw", 0.5, Rate: 100, MaxInFlight: 100), "test", TimeSpan.Zero, async _ =>
        {
            await Task.Delay(Interlocked.Increment(ref started) == 1 ? 400 : 1);
            return new Attempt("confirmed", Confirmed: true);
        });

        Assert.Multiple(() =>
        {
            Assert.That(measured.Requests, Is.EqualTo(50), "100/s for half a second");
            Assert.That(measured.LatencyMs.Max, Is.GreaterThan(350), "the slow one (timers may fire a hair early)");
            Assert.That(measured.LatencyMs.P50, Is.LessThan(100), "the others went out on time, not after it");
            Assert.That(measured.Errors, Is.Zero);
            Assert.That(driver.SoldUnits.Sum(), Is.EqualTo(50));
        });
    }

    [Test]
    public async Task A_request_that_could_not_go_out_on_time_counts_its_wait_in_its_latency()
    {
        var options = new BenchOptions { OpenDurationSetting = TimeSpan.FromSeconds(0.3) };

        var measured = await new OpenLoopDriver(options, Products).RunAsync(new OpenLoopStep("http", 0.5, Rate: 100, MaxInFlight: 1), "test", TimeSpan.Zero, async _ =>
        {
            await Task.Delay(20);
            return new Attempt("201", Confirmed: true);
        });

        Assert.Multiple(() =>
        {
            Assert.That(measured.Requests, Is.EqualTo(30));
            Assert.That(measured.LatencyMs.Max, Is.GreaterThan(300), "the last, due at 290 ms, went out after 29 answers of 20 ms each");
            Assert.That(measured.LateStarts, Is.GreaterThan(20), "one at a time, most went out late");
            Assert.That(measured.AchievedPerSecond, Is.LessThan(60), "answers came at most 50 a second");
        });
    }

    [Test]
    public async Task Requests_that_confirm_nothing_are_errors_apart_from_the_latency_and_the_achieved_rate_of_confirmed_orders()
    {
        var options = new BenchOptions { OpenDurationSetting = TimeSpan.FromSeconds(1) };
        var sent = 0;

        var measured = await new OpenLoopDriver(options, Products).RunAsync(new OpenLoopStep("http", 0.5, Rate: 40, MaxInFlight: 100), "test", TimeSpan.Zero, async _ =>
        {
            if (Interlocked.Increment(ref sent) % 4 == 0)
            {
                return new Attempt("503", Confirmed: false);
            }

            await Task.Delay(50);
            return new Attempt("201", Confirmed: true);
        });

        Assert.Multiple(() =>
        {
            Assert.That(measured.Requests, Is.EqualTo(40));
            Assert.That(measured.Errors, Is.EqualTo(10));
            Assert.That(measured.Outcomes, Is.EqualTo(new Dictionary<string, long> { ["201"] = 30, ["503"] = 10 }));
            Assert.That(measured.AchievedPerSecond, Is.EqualTo(30).Within(3));
            Assert.That(measured.LatencyMs.P50, Is.GreaterThanOrEqualTo(50), "a quick refusal is no quick order");
        });
    }

    [Test]
    public void The_rates_are_shares_of_the_median_raw_throughput_and_each_compares_raw_with_the_full_system()
    {
        RunReport[] runs =
        [
            new("raw", Measured(400), null), new("http", Measured(100), null),
            new("raw", Measured(1000), null, Round: 2), new("raw", Measured(600), null, Round: 3),
        ];

        var steps = OpenLoopStep.For(new BenchOptions { OpenLoads = [0.5, 0.25], Clients = 32, OpenMaxInFlight = 2048 }, runs);

        Assert.Multiple(() =>
        {
            Assert.That(OpenLoopStep.RawThroughput(runs), Is.EqualTo(600));
            Assert.That(steps, Is.EqualTo(new[]
            {
                new OpenLoopStep("raw", 0.25, 150, 32), new OpenLoopStep("http", 0.25, 150, 2048),
                new OpenLoopStep("raw", 0.5, 300, 32), new OpenLoopStep("http", 0.5, 300, 2048),
            }));
            Assert.That(OpenLoopStep.For(new BenchOptions(), [new("http", Measured(100), null)]), Is.Empty, "no raw run, no rates");
            Assert.That(OpenLoopStep.For(new BenchOptions { OpenLoads = [] }, runs), Is.Empty, "--open-loads none");
        });
    }

    [Test]
    public void Open_loop_options_are_read_and_the_step_lasts_the_duration_at_most_twenty_seconds()
    {
        var options = BenchOptions.Parse(["--open-loads", "10,20", "--open-max-in-flight", "64"]);

        Assert.Multiple(() =>
        {
            Assert.That(options.OpenLoads, Is.EqualTo(new[] { 0.1, 0.2 }));
            Assert.That(options.OpenMaxInFlight, Is.EqualTo(64));
            Assert.That(options.OpenDuration, Is.EqualTo(TimeSpan.FromSeconds(20)), "--duration is 30 by default");
            Assert.That(BenchOptions.Parse(["--duration", "5"]).OpenDuration, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(BenchOptions.Parse(["--duration", "5", "--open-duration", "8"]).OpenDuration, Is.EqualTo(TimeSpan.FromSeconds(8)));
            Assert.That(BenchOptions.Parse(["--open-loads", "none"]).OpenLoads, Is.Empty);
            Assert.That(() => BenchOptions.Parse(["--open-loads", "0"]), Throws.ArgumentException);
        });
    }

    [Test]
    public void The_report_sets_raw_and_full_system_side_by_side_at_each_rate_with_the_ratio_of_their_p99s()
    {
        var raw = Step("raw", p99: 40, errors: 0);
        var http = Step("http", p99: 120, errors: 25) with { Outcomes = new Dictionary<string, long> { ["201"] = 75, ["503"] = 25 } };
        var report = new BenchReport(DateTimeOffset.UnixEpoch, "test", BenchSettings.From(new BenchOptions()), [new("raw", Measured(800), null)], [raw, http]);

        var markdown = report.ToMarkdown();

        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.Contain("Rates are shares of the raw run's closed-loop throughput (800 orders/s)"));
            Assert.That(markdown, Does.Contain("| 50 % | 400 | 400 | 5.0 | 20.0 | 40.0 | 50.0 | 0 | 300 | 5.0 | 20.0 | 120.0 | 50.0 | 25 (25.0 %) | 3.0× |"));
            Assert.That(markdown, Does.Contain("- http at 50 %: 100 requests, 201×75, 503×25; at most 32 in flight"));
        });
    }

    [Test]
    public void A_stock_mismatch_in_an_open_loop_step_fails_the_conservation_check()
    {
        var step = Step("http", p99: 1, errors: 0) with { Stock = new StockCheck(Taken: 3, Answered: 2, Stored: 2, Conserved: false) };

        var report = new BenchReport(DateTimeOffset.UnixEpoch, "test", BenchSettings.From(new BenchOptions()), [], [step]);

        Assert.That(report.Conserved, Is.False);
    }

    private static OpenLoopMeasurement Step(string mode, double p99, long errors) => new(
        mode, 32, mode, 0.5, 400, 100, 400 - (errors * 4), new Latency(5, 20, p99, 50), errors, 0, new Dictionary<string, long> { ["ok"] = 100 - errors });

    private static Measurement Measured(double ordersPerSecond) =>
        new("run", 32, 1000, 10, ordersPerSecond, new Latency(1, 2, 3, 4), new Dictionary<string, long> { ["201"] = 1000 });
}
