using System.Globalization;
using System.Text;
using Orders.Contracts.Inventory.V1;
using Orders.Contracts.Payment.V1;

namespace Orders.Bench;

/// <summary>
/// Where a full-system order's time goes, from the hosts' own duration histograms over each run's window: the stores'
/// round trips, each host's time serving its call, each call's way there and back (the saga step's time less the
/// serving host's), and what is left in the WebApi. Set beside raw storage's mean, it shows what the single-client
/// latency is made of.
/// </summary>
internal static class WaitReport
{
    private static readonly Call Reserve = new("reserve", "InventoryHost", $"/{Inventory.Descriptor.FullName}/Reserve");
    private static readonly Call Charge = new("charge", "PaymentHost", $"/{Payments.Descriptor.FullName}/Charge");
    private static readonly Call Commit = new("commit", "InventoryHost", $"/{Inventory.Descriptor.FullName}/Commit");

    private const string PlaceOrder = "/orders";

    public static void AppendTo(StringBuilder markdown, BenchReport report)
    {
        var timed = report.Runs.Where(run => run.Mode == "http" && run.Measurement.Orders > 0)
            .Select(run => (run.Measurement, Parts: Parts(run.HostCounts?.Waits, run.Measurement)))
            .Where(run => run.Parts is not null)
            .ToList();
        if (timed.Count == 0)
        {
            return;
        }

        markdown.AppendLine()
            .AppendLine("Where a full-system order's time goes, in ms per order (means over the window, from the hosts' own duration histograms). A call's way is the saga step's time less the time the host took to serve it: both sides' gRPC pipelines, the network, and the wait for a thread on the cores. The WebApi's own is its request less its PostgreSQL round trips and the three steps.")
            .AppendLine()
            .AppendLine("| run | the client's mean | in the WebApi | its PostgreSQL (orders) | Reserve: InventoryHost · way | Charge: PaymentHost (its PostgreSQL) · way | Commit: InventoryHost · way | the WebApi's own |")
            .AppendLine("| --- | ---: | ---: | ---: | --- | --- | --- | ---: |");
        foreach (var (measurement, parts) in timed)
        {
            var p = parts!;
            markdown.AppendLine(Invariant(
                $"| {measurement.Name} | {Ms(measurement.LatencyMs.Mean)} | {Ms(p.Request)} | {Ms(p.Postgres)} | {ServedAndWay(p.Reserve)} | {Ms(p.Charge.Served)} ({Ms(p.ChargePostgres)}) · {Ms(p.Charge.Way)} | {ServedAndWay(p.Commit)} | {Ms(p.Own)} |"));
        }

        if (report.SingleClient("raw") is { LatencyMs.Mean: { } rawMean } && timed.FirstOrDefault(run => run.Measurement.Clients == 1).Parts is { } single)
        {
            markdown.AppendLine().AppendLine(Invariant(
                $"With one client raw storage's order takes {rawMean:0.00} ms on average for its four round trips. The full system's stores and hosts: PostgreSQL {single.Postgres + single.ChargePostgres:0.00} ms (three round trips), the InventoryHost serving its two calls with their three MongoDB commands {single.Reserve.Served + single.Commit.Served:0.00}, the calls' ways {single.Reserve.Way + single.Charge.Way + single.Commit.Way:0.00}, the WebApi's own {single.Own:0.00} and the PaymentHost's own {single.Charge.Served - single.ChargePostgres:0.00}."));
        }
    }

    /// <summary>The parts of one run's orders, per order; null when the hosts' histograms were not read or lack the request.</summary>
    public static OrderTime? Parts(IReadOnlyDictionary<string, Wait>? waits, Measurement measurement)
    {
        if (waits is null || !waits.ContainsKey(HostWaits.Served("WebApi", PlaceOrder)))
        {
            return null;
        }

        double PerOrder(string key) => waits.TryGetValue(key, out var wait) ? wait.Seconds * 1000 / measurement.Orders : 0;

        CallTime Time(Call call)
        {
            var served = PerOrder(HostWaits.Served(call.Host, call.Route));
            return new CallTime(served, PerOrder(HostWaits.Step(call.Step)) - served);
        }

        var (reserve, charge, commit) = (Time(Reserve), Time(Charge), Time(Commit));
        var request = PerOrder(HostWaits.Served("WebApi", PlaceOrder));
        var postgres = PerOrder(HostWaits.Postgres("WebApi", "orders"));
        return new OrderTime(
            request,
            postgres,
            PerOrder(HostWaits.Postgres("PaymentHost", "payments")),
            reserve,
            charge,
            commit,
            request - postgres - reserve.Step - charge.Step - commit.Step);
    }

    private static string ServedAndWay(CallTime call) => $"{Ms(call.Served)} · {Ms(call.Way)}";

    private static string Ms(double? value) => value is { } ms ? ms.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Call(string Step, string Host, string Route);
}

/// <summary>One call of the saga, per order: the time its host took to serve it, and the rest of the saga step's time.</summary>
internal sealed record CallTime(double Served, double Way)
{
    public double Step => Served + Way;
}

/// <summary>One run's order time by part, in ms per order: the WebApi's request, its PostgreSQL, the PaymentHost's, the three calls, and the WebApi's own rest.</summary>
internal sealed record OrderTime(double Request, double Postgres, double ChargePostgres, CallTime Reserve, CallTime Charge, CallTime Commit, double Own);
