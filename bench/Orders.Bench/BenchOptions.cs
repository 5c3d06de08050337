using System.Globalization;

namespace Orders.Bench;

/// <summary>What to run, against what, how hard and for how long. Every option has a default that fits the Bench target's stack.</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        Orders load benchmark: places orders with C concurrent clients and reports throughput, latency and stock conservation.

        usage: dotnet Orders.Bench.dll [options]
          --mode compare|http|raw|mongo|postgres|floor   compare (default) runs mongo, postgres, raw and http in turn and
                               prints ratios, then the floor runs: the same calls against a server of the tool's own
                               that answers at once (an empty gRPC call, an HTTP POST /orders), at --clients and at one
          --clients N          concurrent clients (32)
          --duration S         measured seconds per run (30); or --orders N to stop after N measured orders
          --warmup S           seconds excluded from the figures (20; Bench passes 120: the hosts' JIT needs 60-90 s under load)
          --rounds N           compare: N pairs of raw and full-system runs in all (1; Bench passes 3). The later pairs
                               follow at once, in alternating order, each run warming up 5 s (or --warmup if shorter);
                               the ratio is the median of the pairs, each measured within a minute, not ten apart
          --products N         products restocked for each run (8); --stock N units each (1000000)
          --lines N            lines per order (1); --quantity N units per line (1)
          --idempotency        send an Idempotency-Key with every HTTP order
          --api URL            Orders REST API (http://127.0.0.1:8090)
          --inventory URL      Inventory gRPC, used to restock and count (http://127.0.0.1:5011)
          --service-key KEY    the gRPC service key (development key)
          --postgres CS        orders database (Host=127.0.0.1;Port=55433;Database=orders;Username=postgres)
          --mongo URI          inventory MongoDB (mongodb://127.0.0.1:27018); --mongo-database NAME (inventory)
          --open-loads L       after the closed-loop runs, open-loop steps at these percentages of the raw run's
                               throughput (the median of its rounds): raw storage, then the full system if it ran, at
                               each rate (25,50,75); none skips them. Needs a raw run (modes compare and raw)
          --open-duration S    measured seconds per open-loop step (--duration, at most 20), after a warm-up as short as
                               the later pairs' (5 s, or --warmup if shorter)
          --open-max-in-flight N   open loop, full system: requests outstanding at most (2048); a request due while N
                               are outstanding waits, and that wait is in its latency. Raw storage places at most
                               --clients orders at once, as the WebApi runs at most that many sagas in Bench
          --inventory-metrics URL  Inventory's Prometheus metrics, for commands per order (http://127.0.0.1:5111/metrics)
          --payment-metrics URL    PaymentHost's (http://127.0.0.1:5112/metrics); the WebApi's are --api's /metrics
          --echo-port N        the floor runs' server: gRPC on N, HTTP on N + 1 (5021)
          --json PATH          also write the results as JSON
          --markdown PATH      also write the results table as Markdown
        """;

    public string Mode { get; init; } = "compare";
    public int Clients { get; init; } = 32;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);
    public long? Orders { get; init; }
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(20);
    public int Rounds { get; init; } = 1;
    public int Products { get; init; } = 8;
    public int Stock { get; init; } = 1_000_000;
    public int Lines { get; init; } = 1;
    public int Quantity { get; init; } = 1;
    public bool Idempotency { get; init; }
    public Uri Api { get; init; } = new("http://127.0.0.1:8090");
    public Uri Inventory { get; init; } = new("http://127.0.0.1:5011");
    public string ServiceKey { get; init; } = "development-only-service-key-not-a-secret";
    public string Postgres { get; init; } = "Host=127.0.0.1;Port=55433;Database=orders;Username=postgres";
    public string Mongo { get; init; } = "mongodb://127.0.0.1:27018";
    public string MongoDatabase { get; init; } = "inventory";
    public IReadOnlyList<double> OpenLoads { get; init; } = [0.25, 0.50, 0.75];
    public TimeSpan? OpenDurationSetting { get; init; }
    public int OpenMaxInFlight { get; init; } = 2048;
    public Uri InventoryMetrics { get; init; } = new("http://127.0.0.1:5111/metrics");
    public Uri PaymentMetrics { get; init; } = new("http://127.0.0.1:5112/metrics");
    public int EchoPort { get; init; } = 5021;
    public string? JsonPath { get; init; }
    public string? MarkdownPath { get; init; }

    /// <summary>Long enough for a steady p99 at the lowest rate, short enough that six steps fit a CI smoke of short runs.</summary>
    public static readonly TimeSpan LongestDefaultOpenDuration = TimeSpan.FromSeconds(20);

    public TimeSpan OpenDuration => OpenDurationSetting ?? (Duration < LongestDefaultOpenDuration ? Duration : LongestDefaultOpenDuration);

    /// <summary>Each open-loop step's warm-up: the hosts are warm by then, as for the later pairs; only connections open.</summary>
    public TimeSpan OpenWarmup => PlannedRun.WarmupOfLaterRounds(Warmup);

    public Uri ApiMetrics => new(Api, "metrics");

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value");
            int Count() => int.Parse(Value(), CultureInfo.InvariantCulture) is var n and > 0 ? n : throw new ArgumentException($"{name} must be positive");
            TimeSpan Seconds() => TimeSpan.FromSeconds(double.Parse(Value(), CultureInfo.InvariantCulture));
            options = name switch
            {
                "--mode" => options with { Mode = Value() },
                "--clients" => options with { Clients = Count() },
                "--duration" => options with { Duration = Seconds() },
                "--orders" => options with { Orders = Count() },
                "--warmup" => options with { Warmup = Seconds() },
                "--rounds" => options with { Rounds = Count() },
                "--products" => options with { Products = Count() },
                "--stock" => options with { Stock = Count() },
                "--lines" => options with { Lines = Count() },
                "--quantity" => options with { Quantity = Count() },
                "--idempotency" => options with { Idempotency = true },
                "--api" => options with { Api = new Uri(Value()) },
                "--inventory" => options with { Inventory = new Uri(Value()) },
                "--service-key" => options with { ServiceKey = Value() },
                "--postgres" => options with { Postgres = Value() },
                "--mongo" => options with { Mongo = Value() },
                "--mongo-database" => options with { MongoDatabase = Value() },
                "--open-loads" => options with { OpenLoads = Loads(Value()) },
                "--open-duration" => options with { OpenDurationSetting = Seconds() },
                "--open-max-in-flight" => options with { OpenMaxInFlight = Count() },
                "--inventory-metrics" => options with { InventoryMetrics = new Uri(Value()) },
                "--payment-metrics" => options with { PaymentMetrics = new Uri(Value()) },
                "--echo-port" => options with { EchoPort = Count() },
                "--json" => options with { JsonPath = Value() },
                "--markdown" => options with { MarkdownPath = Value() },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }

        if (options.Mode is not ("compare" or "http" or "raw" or "mongo" or "postgres" or "floor"))
        {
            throw new ArgumentException($"unknown mode {options.Mode}");
        }

        if (options.Lines > options.Products)
        {
            throw new ArgumentException("--lines must not exceed --products: an order names each product once");
        }

        return options;
    }

    /// <summary>"25,50,75" as fractions of one; "none" as no loads.</summary>
    private static double[] Loads(string percentages) => percentages == "none"
        ? []
        : [.. percentages.Split(',', StringSplitOptions.TrimEntries).Select(p => double.Parse(p, CultureInfo.InvariantCulture) is var percent and > 0
            ? percent / 100
            : throw new ArgumentException($"--open-loads takes positive percentages, got {p}"))];
}
