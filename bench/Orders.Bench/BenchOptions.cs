using System.Globalization;

namespace Orders.Bench;

/// <summary>What to run, against what, how hard and for how long. Every option has a default that fits the Bench target's stack.</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        Orders load benchmark: places orders with C concurrent clients and reports throughput, latency and stock conservation.

        usage: dotnet Orders.Bench.dll [options]
          --mode compare|http|raw|mongo|postgres   compare (default) runs mongo, postgres, raw and http in turn and prints ratios
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
          --inventory-metrics URL  Inventory's Prometheus metrics, for commands per order (http://127.0.0.1:5111/metrics)
          --payment-metrics URL    PaymentHost's (http://127.0.0.1:5112/metrics); the WebApi's are --api's /metrics
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
    public Uri InventoryMetrics { get; init; } = new("http://127.0.0.1:5111/metrics");
    public Uri PaymentMetrics { get; init; } = new("http://127.0.0.1:5112/metrics");
    public string? JsonPath { get; init; }
    public string? MarkdownPath { get; init; }

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
                "--inventory-metrics" => options with { InventoryMetrics = new Uri(Value()) },
                "--payment-metrics" => options with { PaymentMetrics = new Uri(Value()) },
                "--json" => options with { JsonPath = Value() },
                "--markdown" => options with { MarkdownPath = Value() },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }

        if (options.Mode is not ("compare" or "http" or "raw" or "mongo" or "postgres"))
        {
            throw new ArgumentException($"unknown mode {options.Mode}");
        }

        if (options.Lines > options.Products)
        {
            throw new ArgumentException("--lines must not exceed --products: an order names each product once");
        }

        return options;
    }
}
