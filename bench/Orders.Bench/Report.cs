using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orders.Bench;

/// <summary>
/// One benchmark run: its measurement, the stock check that followed (null for a run that moves no stock), and the
/// round of raw/full-system pairs it belongs to.
/// </summary>
internal sealed record RunReport(string Mode, Measurement Measurement, StockCheck? Stock, int Round = 1)
{
    /// <summary>What the hosts' own metrics counted over the run's window (already in <see cref="Measurement"/>'s JSON).</summary>
    [JsonIgnore]
    public CommandCount? HostCounts => Measurement.Commands?.FirstOrDefault(count => count.CountedBy == HostCommands.Name);
}

/// <summary>Everything measured in one invocation, with the settings and machine the figures depend on; the open-loop steps after the closed-loop runs.</summary>
internal sealed record BenchReport(
    DateTimeOffset At,
    string Machine,
    BenchSettings Settings,
    IReadOnlyList<RunReport> Runs,
    IReadOnlyList<OpenLoopMeasurement>? OpenLoop = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Full system throughput over raw-storage throughput, one per round in which both ran.</summary>
    public IReadOnlyList<double> Ratios => [.. Pairs.Select(pair => pair.Http.OrdersPerSecond / pair.Raw.OrdersPerSecond)];

    /// <summary>The median of <see cref="Ratios"/>, when there is one.</summary>
    public double? Ratio => Ratios.Order().ToList() is { Count: > 0 } sorted
        ? (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2
        : null;

    /// <summary>The closed-loop throughput the open-loop rates are shares of.</summary>
    public double? OpenLoopBasis => OpenLoop is { Count: > 0 } ? OpenLoopStep.RawThroughput(Runs) : null;

    public bool Conserved =>
        Runs.All(run => run.Stock is null || run.Stock.Conserved) && (OpenLoop ?? []).All(step => step.Stock is null || step.Stock.Conserved);

    public static string MachineDescription() =>
        $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public string ToMarkdown()
    {
        var table = new StringBuilder()
            .AppendLine(Invariant($"{Settings.Clients} clients, {Settings.Warmup:0.#} s warm-up, {Settings.Window}; {Settings.Lines} line(s) of {Settings.Quantity} unit(s) per order over {Settings.Products} products{LaterRounds}. {Machine}."))
            .AppendLine()
            .AppendLine("| run | orders | orders/s | p50 ms | p90 ms | p99 ms | max ms | outcomes | stock check |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        foreach (var run in Orders)
        {
            var m = run.Measurement;
            var outcomes = string.Join(", ", m.Outcomes.Select(o => Invariant($"{o.Key}×{o.Value}")));
            table.AppendLine(Invariant(
                $"| {m.Name} | {m.Orders:N0} | {m.OrdersPerSecond:N0} | {m.LatencyMs.P50:0.0} | {m.LatencyMs.P90:0.0} | {m.LatencyMs.P99:0.0} | {m.LatencyMs.Max:0.0} | {outcomes} | {Describe(run.Stock)} |"));
        }

        if (Ratio is { } ratio)
        {
            var (http, raw) = Pairs[0];
            var line = Ratios.Count == 1
                ? Invariant($"**Full system / raw storage: {ratio:P0}** of the throughput; p99 {http.LatencyMs.P99:0.0} ms against {raw.LatencyMs.P99:0.0} ms.")
                : Invariant($"**Full system / raw storage: {ratio:P0}** of the throughput, the median of {Ratios.Count} pairs ({string.Join(", ", Ratios.Select(r => r.ToString("P0", CultureInfo.InvariantCulture)))}); p99 {http.LatencyMs.P99:0.0} ms against {raw.LatencyMs.P99:0.0} ms in the first.");
            table.AppendLine().AppendLine(line);
        }

        var withCpu = Orders.Where(run => run.Measurement.CpuMsPerOrder is { Count: > 0 }).ToList();
        if (withCpu.Count > 0)
        {
            table.AppendLine().AppendLine("CPU per order, by process of the local stack (ms, from /proc over the measured window):").AppendLine();
            foreach (var run in withCpu)
            {
                var cpu = run.Measurement.CpuMsPerOrder!;
                var parts = cpu.Select(pair => Invariant($"{pair.Key} {pair.Value:0.00}"));
                table.AppendLine(Invariant($"- {run.Measurement.Name}: {string.Join(" · ", parts)} · total {cpu.Values.Sum():0.00}"));
            }
        }

        // The full system's runs only: while only the stores are loaded, what the hosts allocate is no order's.
        var allocating = Runs.Where(run => run.Mode == "http")
            .Select(run => (run.Measurement, Count: run.HostCounts))
            .Where(run => run.Count is { Allocated.Count: > 0 } && run.Measurement.Orders > 0)
            .ToList();
        if (allocating.Count > 0)
        {
            table.AppendLine().AppendLine("Bytes allocated per order by the hosts (KB, from their runtime's meter; unlike CPU time, this hardly moves when the machine slows down):").AppendLine();
            foreach (var (measurement, count) in allocating)
            {
                var hosts = ProcessCpu.Roles.Where(count!.Allocated!.ContainsKey).Select(host => (host, KB: count.Allocated![host] / 1024.0 / measurement.Orders)).ToList();
                table.AppendLine(Invariant($"- {measurement.Name}: {string.Join(" · ", hosts.Select(h => Invariant($"{h.host} {h.KB:0.0}")))} · total {hosts.Sum(h => h.KB):0.0}"));
            }
        }

        CommandReport.AppendTo(table, Runs);
        WaitReport.AppendTo(table, this);
        OpenLoopReport.AppendTo(table, this);
        TargetReport.AppendTo(table, this);
        HopFloorReport.AppendTo(table, this);
        return table.ToString();
    }

    /// <summary>The runs that place orders (or do the storage work of one); the floor runs have a table of their own.</summary>
    private IEnumerable<RunReport> Orders => Runs.Where(run => !HopFloor.IsFloor(run.Mode));

    private string LaterRounds => Settings.Rounds > 1
        ? Invariant($"; then {Settings.Rounds - 1} more pair(s) of raw and full-system runs, {PlannedRun.WarmupOfLaterRounds(TimeSpan.FromSeconds(Settings.Warmup)).TotalSeconds:0.#} s warm-up each")
        : "";

    /// <summary>The run of this mode with a single client, when --clients asked for more (else there is no such run apart).</summary>
    public Measurement? SingleClient(string mode) =>
        Settings.Clients > 1 ? Runs.FirstOrDefault(run => run.Mode == mode && run.Measurement.Clients == 1)?.Measurement : null;

    /// <summary>The full-system and raw runs at --clients of each round that has both, in round order.</summary>
    public IReadOnlyList<(Measurement Http, Measurement Raw)> Pairs =>
    [
        .. Runs.Where(run => run.Measurement.Clients == Settings.Clients).GroupBy(run => run.Round)
            .OrderBy(round => round.Key)
            .Select(round => (Http: round.FirstOrDefault(run => run.Mode == "http")?.Measurement, Raw: round.FirstOrDefault(run => run.Mode == "raw")?.Measurement))
            .Where(pair => pair is { Http: not null, Raw.OrdersPerSecond: > 0 })
            .Select(pair => (pair.Http!, pair.Raw!)),
    ];

    public static string Describe(StockCheck? check) => check switch
    {
        null => "n/a",
        { Conserved: true } => Invariant($"ok: {check.Taken:N0} units taken = sold"),
        _ => Invariant($"MISMATCH: taken {check.Taken}, answered {check.Answered}, stored {check.Stored?.ToString(CultureInfo.InvariantCulture) ?? "-"}"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The settings the figures depend on; the last two are the seconds of warm-up and measurement of each open-loop step.</summary>
internal sealed record BenchSettings(
    int Clients, double Warmup, string Window, int Products, int Lines, int Quantity, bool Idempotency, int Rounds, double OpenWarmup, double OpenDuration)
{
    public static BenchSettings From(BenchOptions options) => new(
        options.Clients,
        options.Warmup.TotalSeconds,
        options.Orders is { } n ? $"{n} orders measured" : string.Create(CultureInfo.InvariantCulture, $"{options.Duration.TotalSeconds:0.#} s measured"),
        options.Products,
        options.Lines,
        options.Quantity,
        options.Idempotency,
        options.Mode == "compare" ? options.Rounds : 1,
        options.OpenWarmup.TotalSeconds,
        options.OpenDuration.TotalSeconds);
}
