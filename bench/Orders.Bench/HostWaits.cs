namespace Orders.Bench;

/// <summary>Time a histogram summed over what it measured, and how many it measured: its <c>_sum</c> and <c>_count</c>.</summary>
internal readonly record struct Wait(double Seconds, long Count);

/// <summary>
/// The hosts' duration histograms that tell an order's time apart: each host's requests served (by route), the
/// WebApi's saga steps, and each host's PostgreSQL round trips (Npgsql's meter, by database). Read at a window's edges
/// like the command counts, so <see cref="WaitReport"/> can say where an order's time went.
/// </summary>
internal static class HostWaits
{
    public const string Requests = "http_server_request_duration_seconds";
    public const string SagaSteps = "orders_saga_step_duration_seconds";
    public const string PostgresOperations = "db_client_operation_duration_seconds";

    /// <summary>Requests of one route that <paramref name="host"/> served, trailing slash left off.</summary>
    public static string Served(string host, string route) => $"{host} {route.TrimEnd('/')}";

    public static string Step(string step) => $"saga step {step}";

    public static string Postgres(string host, string database) => $"{host} PostgreSQL {database}";

    public static Dictionary<string, Wait> From(IEnumerable<(string Host, List<MetricSample> Page)> pages)
    {
        var waits = new Dictionary<string, Wait>(StringComparer.Ordinal);
        foreach (var (host, page) in pages)
        {
            foreach (var sample in page)
            {
                if (Part(host, sample) is not var (key, isCount))
                {
                    continue;
                }

                var wait = waits.GetValueOrDefault(key);
                waits[key] = isCount ? wait with { Count = wait.Count + (long)sample.Value } : wait with { Seconds = wait.Seconds + sample.Value };
            }
        }

        return waits;
    }

    /// <summary>What grew between two readings; a key that did not is dropped.</summary>
    public static Dictionary<string, Wait> Growth(IReadOnlyDictionary<string, Wait> before, IReadOnlyDictionary<string, Wait> after) =>
        after.Select(pair => (pair.Key, Grown: new Wait(pair.Value.Seconds - before.GetValueOrDefault(pair.Key).Seconds, pair.Value.Count - before.GetValueOrDefault(pair.Key).Count)))
            .Where(pair => pair.Grown.Count > 0)
            .ToDictionary(pair => pair.Key, pair => pair.Grown, StringComparer.Ordinal);

    /// <summary>The key a sample adds to, and whether it is a count (else a sum of seconds); null for any other series.</summary>
    private static (string Key, bool IsCount)? Part(string host, MetricSample sample)
    {
        var (histogram, isCount) = sample.Name switch
        {
            var name when name.EndsWith("_sum", StringComparison.Ordinal) => (name[..^"_sum".Length], false),
            var name when name.EndsWith("_count", StringComparison.Ordinal) => (name[..^"_count".Length], true),
            _ => ("", false),
        };
        var key = histogram switch
        {
            Requests when sample.Labels.TryGetValue("http_route", out var route) => Served(host, route),
            SagaSteps when sample.Labels.TryGetValue("step", out var step) => Step(step),
            PostgresOperations when sample.Labels.TryGetValue(HostCommands.PostgresPoolLabel, out var pool) =>
                Postgres(host, DriverCommands.DatabaseOf(pool)),
            _ => null,
        };
        return key is null ? null : (key, isCount);
    }
}
