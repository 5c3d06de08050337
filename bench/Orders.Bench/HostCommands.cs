using System.Diagnostics;

namespace Orders.Bench;

/// <summary>
/// The hosts' own counts, from their Prometheus <c>/metrics</c>: the InventoryHost's <c>inventory.mongo.commands</c>
/// (by command, and whether a gRPC call or background work sent it), and in the WebApi and the PaymentHost Npgsql's
/// <c>db.client.operation.duration</c> count, one per command or batch sent, that is per round trip; and each host's
/// bytes allocated, from the runtime's meter: unlike CPU time, they hardly move when the machine slows down; and the
/// time their duration histograms summed (<see cref="HostWaits"/>).
/// </summary>
internal sealed class HostCommands(HttpClient http, IReadOnlyList<(string Host, Uri Endpoint)> endpoints) : ICommandCounter, IDisposable
{
    public const string MongoCommands = "inventory_mongo_commands_total";
    public const string PostgresOperations = HostWaits.PostgresOperations + "_count";

    /// <summary>The label Prometheus gives Npgsql's pool tag (dots become underscores): its connection string, naming the database.</summary>
    public static readonly string PostgresPoolLabel = DriverCommands.NpgsqlPoolTag.Replace('.', '_');
    public const string AllocatedBytes = "dotnet_gc_heap_total_allocated_bytes_total";

    /// <summary>The exporter answers a scrape this soon after the last one from its cache.</summary>
    private static readonly TimeSpan ExporterCache = TimeSpan.FromMilliseconds(300);

    private readonly Stopwatch _sinceLastRead = new();
    private bool _told;

    public const string Name = "hosts' /metrics";

    public string CountedBy => Name;

    public static HostCommands For(BenchOptions options) =>
        new(new HttpClient { Timeout = TimeSpan.FromSeconds(10) },
            [("InventoryHost", options.InventoryMetrics), ("PaymentHost", options.PaymentMetrics), ("WebApi", options.ApiMetrics)]);

    public async Task<CommandTotals?> ReadAsync()
    {
        if (_sinceLastRead.IsRunning && _sinceLastRead.Elapsed < ExporterCache)
        {
            await Task.Delay(ExporterCache - _sinceLastRead.Elapsed);
        }

        try
        {
            var pages = await Task.WhenAll(endpoints.Select(endpoint => http.GetStringAsync(endpoint.Endpoint)));
            _sinceLastRead.Restart();
            var samples = pages.Select(page => PrometheusText.Parse(page).ToList()).ToList();
            var pagesByHost = endpoints.Select((endpoint, i) => (endpoint.Host, samples[i])).ToList();
            return Totals(samples.SelectMany(page => page)) with { Allocated = Allocations(pagesByHost), Waits = HostWaits.From(pagesByHost) };
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            if (!_told)
            {
                _told = true;
                Console.Error.WriteLine($"  The hosts' metrics can't be read ({exception.Message}): no commands per order for the full system.");
            }

            return null;
        }
    }

    /// <summary>A MongoDB command is an order's when a call sent it and it is no connection set-up or ping.</summary>
    public static CommandTotals Totals(IEnumerable<MetricSample> samples)
    {
        var mongo = new Dictionary<string, long>(StringComparer.Ordinal);
        var background = new Dictionary<string, long>(StringComparer.Ordinal);
        var postgres = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var sample in samples)
        {
            if (sample.Name == MongoCommands && sample.Labels.TryGetValue("command", out var command))
            {
                var ordered = sample.Labels.GetValueOrDefault("origin") == "call" && !CommandTotals.ConnectionCommands.Contains(command);
                Add(ordered ? mongo : background, command, sample.Value);
            }
            else if (sample.Name == PostgresOperations && sample.Labels.TryGetValue(PostgresPoolLabel, out var pool))
            {
                Add(postgres, DriverCommands.DatabaseOf(pool), sample.Value);
            }
        }

        return new CommandTotals(mongo, background, postgres);
    }

    /// <summary>Bytes allocated so far by each host whose page has the runtime's counter.</summary>
    public static Dictionary<string, long> Allocations(IEnumerable<(string Host, List<MetricSample> Page)> pages) =>
        pages.Select(page => (page.Host, Bytes: page.Page.Where(sample => sample.Name == AllocatedBytes).Sum(sample => sample.Value)))
            .Where(host => host.Bytes > 0)
            .ToDictionary(host => host.Host, host => (long)host.Bytes, StringComparer.Ordinal);

    public void Dispose() => http.Dispose();

    private static void Add(Dictionary<string, long> counts, string key, double value) =>
        counts[key] = counts.GetValueOrDefault(key) + (long)value;
}
