using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orders.Bench;

/// <summary>One benchmark run: its measurement and the stock check that followed (null for a run that moves no stock).</summary>
internal sealed record RunReport(string Mode, Measurement Measurement, StockCheck? Stock);

/// <summary>Everything measured in one invocation, with the settings and machine the figures depend on.</summary>
internal sealed record BenchReport(DateTimeOffset At, string Machine, BenchSettings Settings, IReadOnlyList<RunReport> Runs)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Full system throughput over raw-storage throughput, when both ran.</summary>
    public double? Ratio => Find("http") is { } http && Find("raw") is { OrdersPerSecond: > 0 } raw ? http.OrdersPerSecond / raw.OrdersPerSecond : null;

    public bool Conserved => Runs.All(run => run.Stock is null || run.Stock.Conserved);

    public static string MachineDescription() =>
        $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public string ToMarkdown()
    {
        var table = new StringBuilder()
            .AppendLine(Invariant($"{Settings.Clients} clients, {Settings.Warmup:0.#} s warm-up, {Settings.Window}; {Settings.Lines} line(s) of {Settings.Quantity} unit(s) per order over {Settings.Products} products. {Machine}."))
            .AppendLine()
            .AppendLine("| run | orders | orders/s | p50 ms | p90 ms | p99 ms | max ms | outcomes | stock check |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        foreach (var run in Runs)
        {
            var m = run.Measurement;
            var outcomes = string.Join(", ", m.Outcomes.Select(o => Invariant($"{o.Key}×{o.Value}")));
            table.AppendLine(Invariant(
                $"| {m.Name} | {m.Orders:N0} | {m.OrdersPerSecond:N0} | {m.LatencyMs.P50:0.0} | {m.LatencyMs.P90:0.0} | {m.LatencyMs.P99:0.0} | {m.LatencyMs.Max:0.0} | {outcomes} | {Describe(run.Stock)} |"));
        }

        if (Ratio is { } ratio)
        {
            table.AppendLine().AppendLine(Invariant($"**Full system / raw storage: {ratio:P0}** of the throughput; p99 {Find("http")!.LatencyMs.P99:0.0} ms against {Find("raw")!.LatencyMs.P99:0.0} ms."));
        }

        var withCpu = Runs.Where(run => run.Measurement.CpuMsPerOrder is { Count: > 0 }).ToList();
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

        return table.ToString();
    }

    private Measurement? Find(string mode) => Runs.FirstOrDefault(run => run.Mode == mode)?.Measurement;

    private static string Describe(StockCheck? check) => check switch
    {
        null => "n/a",
        { Conserved: true } => Invariant($"ok: {check.Taken:N0} units taken = sold"),
        _ => Invariant($"MISMATCH: taken {check.Taken}, answered {check.Answered}, stored {check.Stored?.ToString(CultureInfo.InvariantCulture) ?? "-"}"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

internal sealed record BenchSettings(int Clients, double Warmup, string Window, int Products, int Lines, int Quantity, bool Idempotency)
{
    public static BenchSettings From(BenchOptions options) => new(
        options.Clients,
        options.Warmup.TotalSeconds,
        options.Orders is { } n ? $"{n} orders measured" : string.Create(CultureInfo.InvariantCulture, $"{options.Duration.TotalSeconds:0.#} s measured"),
        options.Products,
        options.Lines,
        options.Quantity,
        options.Idempotency);
}
