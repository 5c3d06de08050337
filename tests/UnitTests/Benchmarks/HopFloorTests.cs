using System.Net;
using System.Net.Sockets;
using Orders.Bench;

namespace Orders.UnitTests.Benchmarks;

/// <summary>The floor runs: a server that answers at once, and what the report makes of the calls to it.</summary>
public sealed class HopFloorTests
{
    [Test]
    public async Task The_echo_server_answers_the_floor_calls_over_grpc_and_http()
    {
        var port = TwoFreePorts();
        using var stop = new CancellationTokenSource();
        var serving = EchoServer.RunAsync(port, stop.Token);
        try
        {
            using var floor = new HopFloor(new Uri($"http://127.0.0.1:{port}"), new Uri($"http://127.0.0.1:{port + 1}"), new BenchOptions());
            var plan = OrderPlan.For(client: 0, sequence: 0, new BenchOptions(), HopFloor.Products(new BenchOptions()));

            var call = await floor.CallGrpcAsync(plan);
            var post = await floor.PostAsync(plan);

            Assert.Multiple(() =>
            {
                Assert.That(call.Outcome, Is.EqualTo("Committed"));
                Assert.That(post.Outcome, Is.EqualTo("201"));
            });
        }
        finally
        {
            await stop.CancelAsync();
            await serving;
        }
    }

    [Test]
    public void Floor_runs_come_at_the_clients_and_then_at_one_and_alone_in_floor_mode()
    {
        var alone = PlannedRun.For(new BenchOptions { Mode = "floor", Warmup = TimeSpan.FromSeconds(20) });

        Assert.Multiple(() =>
        {
            Assert.That(alone.Select(run => run.Mode), Is.EqualTo(new[] { HopFloor.GrpcMode, HopFloor.HttpMode, HopFloor.GrpcMode, HopFloor.HttpMode }));
            Assert.That(alone.Select(run => run.Clients), Is.EqualTo(new int?[] { null, null, 1, 1 }));
            Assert.That(alone.Select(run => run.Warmup), Is.All.EqualTo(TimeSpan.FromSeconds(20)));
            Assert.That(PlannedRun.For(new BenchOptions { Mode = "floor", Clients = 1 }), Has.Count.EqualTo(2), "one client is already the single-client run");
            Assert.That(PlannedRun.For(new BenchOptions { Mode = "http" }).Select(run => run.Mode), Has.None.Matches<string>(HopFloor.IsFloor));
        });
    }

    [Test]
    public void The_floor_of_an_order_is_its_requests_server_side_and_both_sides_of_its_three_calls_set_against_the_product()
    {
        RunReport[] runs =
        [
            new("http", Measured(400, 32, p50: 40) with { CpuMsPerOrder = new Dictionary<string, double> { ["WebApi"] = 0.6, ["InventoryHost"] = 0.3, ["PaymentHost"] = 0.15 } }, null),
            new("raw", Measured(800, 1, p50: 1), null),
            new("http", Measured(300, 1, p50: 3), null),
            new(HopFloor.GrpcMode, Floor("floor: gRPC", 32, p50: 0.4, server: 0.01, client: 0.02), null),
            new(HopFloor.HttpMode, Floor("floor: HTTP", 32, p50: 0.5, server: 0.015, client: 0.02), null),
            new(HopFloor.GrpcMode, Floor("floor: gRPC", 1, p50: 0.05, server: 0.05, client: 0.06), null),
            new(HopFloor.HttpMode, Floor("floor: HTTP", 1, p50: 0.04, server: 0.04, client: 0.04), null),
        ];

        var markdown = new BenchReport(DateTimeOffset.UnixEpoch, "test", BenchSettings.From(new BenchOptions()), runs).ToMarkdown();

        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.Contain("| floor: gRPC | 32 | 60,000 | 0.400 | 1.000 | 0.010 · 0.020 |"));
            Assert.That(markdown, Does.Contain("| floor: HTTP | 1 | 60,000 | 0.040 | 1.000 | 0.040 · 0.040 |"));
            Assert.That(markdown, Does.Contain("Their floor in the product's processes (the request's server side, both sides of each call) is 0.105 ms of CPU per order when 32 clients' calls share reads and writes, 0.370 ms when each goes alone: 10 % to 35 % of the 1.05 ms the product spent"));
            Assert.That(markdown, Does.Not.Contain("| floor: gRPC | 600,000 |"), "the floor runs are not orders: they are in their own table alone");
            Assert.That(markdown, Does.Contain("With one client the same hops take 0.19 ms (their p50s summed), against the full system's p50 of 3.00 ms and raw storage's 1.00 ms"));
        });
    }

    [Test]
    public void Without_floor_runs_the_report_has_no_floor_section() =>
        Assert.That(
            new BenchReport(DateTimeOffset.UnixEpoch, "test", BenchSettings.From(new BenchOptions()), [new("raw", Measured(800, 32, p50: 1), null)]).ToMarkdown(),
            Does.Not.Contain("Floor of a hop"));

    private static Measurement Measured(double perSecond, int clients, double p50) =>
        new("run", clients, 1000, 10, perSecond, new Latency(p50, p50, p50, p50), new Dictionary<string, long> { ["201"] = 1000 });

    private static Measurement Floor(string name, int clients, double p50, double server, double client) =>
        new(name, clients, 600_000, 10, 60_000, new Latency(p50, 0.8, 1, 2), new Dictionary<string, long> { ["ok"] = 600_000 },
            new Dictionary<string, double> { ["echo server"] = server, ["load tool"] = client });

    /// <summary>A port whose next port is free too: the echo server takes both.</summary>
    private static int TwoFreePorts()
    {
        for (var attempt = 0; ; attempt++)
        {
            using var first = new TcpListener(IPAddress.Loopback, 0);
            first.Start();
            var port = ((IPEndPoint)first.LocalEndpoint).Port;
            try
            {
                using var second = new TcpListener(IPAddress.Loopback, port + 1);
                second.Start();
                return port;
            }
            catch (SocketException) when (attempt < 20)
            {
                // Taken: try another pair.
            }
        }
    }
}
