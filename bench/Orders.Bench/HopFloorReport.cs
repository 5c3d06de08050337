using System.Globalization;
using System.Text;

namespace Orders.Bench;

/// <summary>
/// The floor runs' table, and what the hops of one order would cost if the hosts did nothing but pass the calls: set
/// against the full system's own figures of the same invocation, it tells the transport's share of the product's cost.
/// </summary>
internal static class HopFloorReport
{
    /// <summary>The gRPC calls one order of the full system makes: Reserve, Charge, Commit.</summary>
    public const int GrpcCallsPerOrder = 3;

    private const string Server = "echo server";
    private const string Client = "load tool";

    public static void AppendTo(StringBuilder markdown, BenchReport report)
    {
        var floors = report.Runs.Where(run => HopFloor.IsFloor(run.Mode)).ToList();
        if (floors.Count == 0)
        {
            return;
        }

        markdown.AppendLine()
            .AppendLine("**Floor of a hop**: the full system's calls against a server of the tool's own that answers each at once with a canned reply (no logging, no service key, no store), so a call costs only the transport and the frameworks' pipelines on both sides.")
            .AppendLine()
            .AppendLine("| call | clients | calls/s | p50 ms | p99 ms | CPU ms per call: server · client |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var run in floors.Select(run => run.Measurement))
        {
            var cpu = run.CpuMsPerOrder is { } both ? Invariant($"{both.GetValueOrDefault(Server):0.000} · {both.GetValueOrDefault(Client):0.000}") : "–";
            markdown.AppendLine(Invariant($"| {run.Name} | {run.Clients} | {run.OrdersPerSecond:N0} | {run.LatencyMs.P50:0.000} | {run.LatencyMs.P99:0.000} | {cpu} |"));
        }

        var clients = report.Settings.Clients;
        var batched = CpuFloor(Floor(floors, HopFloor.HttpMode, clients), Floor(floors, HopFloor.GrpcMode, clients));
        var alone = CpuFloor(Floor(floors, HopFloor.HttpMode, 1), Floor(floors, HopFloor.GrpcMode, 1));
        if (batched is { } low && alone is { } high && TargetReport.ProductCpu(report) is { } product)
        {
            markdown.AppendLine().AppendLine(Invariant(
                $"One order of the full system is one such HTTP request and {GrpcCallsPerOrder} such gRPC calls. Their floor in the product's processes (the request's server side, both sides of each call) is {low:0.000} ms of CPU per order when {clients} clients' calls share reads and writes, {high:0.000} ms when each goes alone: {low / product:P0} to {high / product:P0} of the {product:0.00} ms the product spent."));
        }

        if (LatencyFloor(Floor(floors, HopFloor.HttpMode, 1), Floor(floors, HopFloor.GrpcMode, 1)) is { } latencyFloor
            && report.SingleClient("http") is { } http && report.SingleClient("raw") is { } raw)
        {
            markdown.AppendLine().AppendLine(Invariant(
                $"With one client the same hops take {latencyFloor:0.00} ms (their p50s summed), against the full system's p50 of {http.LatencyMs.P50:0.00} ms and raw storage's {raw.LatencyMs.P50:0.00} ms."));
        }
    }

    /// <summary>The HTTP request's server side and both sides of each gRPC call, in ms per order.</summary>
    public static double? CpuFloor(Measurement? http, Measurement? grpc) =>
        http?.CpuMsPerOrder is { } request && grpc?.CpuMsPerOrder is { } call
            ? request.GetValueOrDefault(Server) + (GrpcCallsPerOrder * (call.GetValueOrDefault(Server) + call.GetValueOrDefault(Client)))
            : null;

    /// <summary>The p50 of one HTTP request and of each gRPC call, one after another.</summary>
    public static double? LatencyFloor(Measurement? http, Measurement? grpc) =>
        http is not null && grpc is not null ? http.LatencyMs.P50 + (GrpcCallsPerOrder * grpc.LatencyMs.P50) : null;

    private static Measurement? Floor(IEnumerable<RunReport> floors, string mode, int clients) =>
        floors.FirstOrDefault(run => run.Mode == mode && run.Measurement.Clients == clients)?.Measurement;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
