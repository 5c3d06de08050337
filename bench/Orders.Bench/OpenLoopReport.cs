using System.Globalization;
using System.Text;

namespace Orders.Bench;

/// <summary>The open-loop table: one row per rate, raw storage and the full system side by side, and the ratio of their p99s.</summary>
internal static class OpenLoopReport
{
    public static void AppendTo(StringBuilder markdown, BenchReport report)
    {
        if (report.OpenLoop is not { Count: > 0 } steps)
        {
            return;
        }

        var raws = report.Runs.Count(run => run.Mode == "raw" && run.Measurement.Clients == report.Settings.Clients);
        markdown.AppendLine()
            .AppendLine(Invariant($"**Open loop**: requests sent at a fixed rate whatever the answers (request i due at t0 + i/rate), each latency counted from when the request was due, so a slow answer holds back no later request and queueing shows in full. Rates are shares of the raw run's closed-loop throughput ({report.OpenLoopBasis:N0} orders/s{(raws > 1 ? Invariant($", the median of {raws} runs") : "")}); {report.Settings.OpenWarmup:0.#} s warm-up and {report.Settings.OpenDuration:0.#} s measured per step. Latency in ms of the confirmed orders; achieved = orders confirmed per second; errors = requests that confirmed no order (a quick 503 is an error, not a quick order)."))
            .AppendLine()
            .AppendLine("| load | rate/s | raw achieved/s | raw p50 | raw p90 | raw p99 | raw max | raw errors | system achieved/s | system p50 | system p90 | system p99 | system max | system errors | p99 system ÷ raw |")
            .AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var load in steps.GroupBy(step => step.Load).OrderBy(group => group.Key))
        {
            var raw = load.FirstOrDefault(step => step.Mode == "raw");
            var system = load.FirstOrDefault(step => step.Mode == "http");
            var ratio = raw is { LatencyMs.P99: > 0 } && system is not null ? Invariant($"{system.LatencyMs.P99 / raw.LatencyMs.P99:0.0}×") : "–";
            markdown.AppendLine(Invariant($"| {load.Key:P0} | {load.First().TargetPerSecond:N0} | {Columns(raw)} | {Columns(system)} | {ratio} |"));
        }

        markdown.AppendLine();
        foreach (var step in steps)
        {
            var outcomes = string.Join(", ", step.Outcomes.Select(o => Invariant($"{o.Key}×{o.Value}")));
            markdown.AppendLine(Invariant($"- {step.Name} at {step.Load:P0}: {step.Requests:N0} requests, {outcomes}; at most {step.MaxInFlight:N0} in flight, {step.LateStarts:N0} went out over {OpenLoopDriver.LateStart.TotalMilliseconds:0} ms late; stock {BenchReport.Describe(step.Stock)}"));
        }
    }

    private static string Columns(OpenLoopMeasurement? step) => step is null
        ? "– | – | – | – | – | –"
        : Invariant($"{step.AchievedPerSecond:N0} | {step.LatencyMs.P50:0.0} | {step.LatencyMs.P90:0.0} | {step.LatencyMs.P99:0.0} | {step.LatencyMs.Max:0.0} | {Errors(step)}");

    private static string Errors(OpenLoopMeasurement step) =>
        step.Errors == 0 ? "0" : Invariant($"{step.Errors:N0} ({(double)step.Errors / step.Requests:P1})");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
