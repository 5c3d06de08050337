using System.Globalization;
using System.Text;

namespace Orders.Bench;

/// <summary>
/// The targets of issue 18 read off this invocation's figures: printed, never asserted, since a shared machine is no
/// place for thresholds. Each figure is the median over the rounds that measured it.
/// </summary>
internal static class TargetReport
{
    private static readonly string[] ProductProcesses = ["WebApi", "InventoryHost", "PaymentHost"];

    public static void AppendTo(StringBuilder markdown, BenchReport report)
    {
        if (!report.Runs.Any(run => run.Mode is "http" or "raw"))
        {
            return;
        }

        var fullLoad = FullLoad(report).ToList();
        var singleHttp = report.SingleClient("http");
        var singleRaw = report.SingleClient("raw");
        Target[] rows =
        [
            new("CPU per order in the product's processes (WebApi + InventoryHost + PaymentHost), ms", "≤ 1.2", ProductCpu(report), figure => figure <= 1.2, Number),
            new("MongoDB commands per order", "≤ 3", Median(fullLoad.Select(run => run.HostCounts?.MongoPerOrder)), figure => Math.Round(figure, 2) <= 3, Number),
            new("PostgreSQL round trips per order, orders database", "≤ 2",
                Median(fullLoad.Select(run => run.HostCounts is { } own && own.Postgres.TryGetValue("orders", out var trips) ? own.PerOrder(trips) : (double?)null)),
                figure => Math.Round(figure, 2) <= 2, Number),
            new(Invariant($"throughput at {report.Settings.Clients} clients, full system ÷ raw"), "≥ 50 %", report.Ratio, figure => figure >= 0.5, Percent),
            new(Invariant($"p99 at {report.Settings.Clients} clients, full system ÷ raw"), "≤ 2×",
                Median(report.Pairs.Select(pair => (double?)(pair.Http.LatencyMs.P99 / pair.Raw.LatencyMs.P99))), figure => figure <= 2, Times),
            new("p50 with one client, full system ÷ raw", "≤ 2×",
                singleHttp is not null && singleRaw is { LatencyMs.P50: > 0 } ? singleHttp.LatencyMs.P50 / singleRaw.LatencyMs.P50 : null, figure => figure <= 2, Times),
        ];

        markdown.AppendLine().AppendLine("Targets (issue 18), from this invocation:").AppendLine()
            .AppendLine("| target | bound | measured | met |")
            .AppendLine("| --- | --- | ---: | --- |");
        foreach (var row in rows)
        {
            var met = row.Figure is { } figure ? (row.Met(figure) ? "yes" : "no") : "not measured";
            markdown.AppendLine($"| {row.Name} | {row.Bound} | {(row.Figure is { } value ? row.Format(value) : "–")} | {met} |");
        }

        if (Swing(report) is { } swing && swing.Spread > SteadySpread)
        {
            markdown.AppendLine().AppendLine(Invariant(
                $"**The machine's speed changed during this invocation**: raw storage, the same work each round, ran at {swing.Slowest:N0} to {swing.Fastest:N0} orders/s ({swing.Spread:P0} of their median apart). A ratio can land on either side of its bound with such a swing: read the rounds, or run again."));
        }
    }

    /// <summary>Identical runs minutes apart differ by about ±10 % here; raw rounds further apart than this mean the machine itself changed.</summary>
    public const double SteadySpread = 0.2;

    /// <summary>The slowest and fastest raw runs at --clients, and how far apart they are over their median; null with fewer than two.</summary>
    public static (double Slowest, double Fastest, double Spread)? Swing(BenchReport report)
    {
        var raw = report.Runs.Where(run => run.Mode == "raw" && run.Measurement.Clients == report.Settings.Clients)
            .Select(run => run.Measurement.OrdersPerSecond).Order().ToList();
        return raw.Count < 2 || Median(raw.Select(rate => (double?)rate)) is not { } median || median <= 0
            ? null
            : (raw[0], raw[^1], (raw[^1] - raw[0]) / median);
    }

    /// <summary>The product's CPU per order over the full-system runs at --clients, their median.</summary>
    public static double? ProductCpu(BenchReport report) =>
        Median(FullLoad(report).Select(run => run.Measurement.CpuMsPerOrder is { } cpu ? ProductProcesses.Sum(cpu.GetValueOrDefault) : (double?)null));

    /// <summary>The full-system runs at --clients, over which every full-system target is a median.</summary>
    private static IEnumerable<RunReport> FullLoad(BenchReport report) =>
        report.Runs.Where(run => run.Mode == "http" && run.Measurement.Clients == report.Settings.Clients);

    private static string Number(double value) => Invariant($"{value:0.00}");

    private static string Percent(double value) => Invariant($"{value:P0}");

    private static string Times(double value) => Invariant($"{value:0.00}×");

    private static double? Median(IEnumerable<double?> figures)
    {
        var sorted = figures.OfType<double>().Order().ToList();
        return sorted.Count == 0 ? null : (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Target(string Name, string Bound, double? Figure, Func<double, bool> Met, Func<double, string> Format);
}
