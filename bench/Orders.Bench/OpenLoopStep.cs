namespace Orders.Bench;

/// <summary>
/// One open-loop step: a mode at a fixed rate, that rate a share (<c>Load</c>) of the raw run's closed-loop throughput,
/// with at most <c>MaxInFlight</c> requests outstanding; a request due while that many are waits, and the wait is in its latency.
/// </summary>
internal sealed record OpenLoopStep(string Mode, double Load, double Rate, int MaxInFlight)
{
    /// <summary>
    /// Each load of <c>--open-loads</c>, lowest first: raw storage, then the full system at the same rate, so each rate
    /// compares the two. None without a raw run to take the rates from. The full system takes every request the moment
    /// it is due (its own bulkhead queues or refuses); raw storage places at most <c>--clients</c> orders at once, as the
    /// WebApi runs at most that many sagas in Bench: without a bound its pools would grow past what PostgreSQL accepts.
    /// </summary>
    public static IReadOnlyList<OpenLoopStep> For(BenchOptions options, IReadOnlyList<RunReport> closedLoop)
    {
        if (RawThroughput(closedLoop) is not { } raw)
        {
            return [];
        }

        string[] modes = [.. new[] { "raw", "http" }.Where(mode => closedLoop.Any(run => run.Mode == mode))];
        return [.. options.OpenLoads.Order().SelectMany(load => modes.Select(mode =>
            new OpenLoopStep(mode, load, load * raw, mode == "raw" ? options.Clients : options.OpenMaxInFlight)))];
    }

    /// <summary>The median closed-loop throughput of the raw runs at full load, when there is one above zero.</summary>
    public static double? RawThroughput(IReadOnlyList<RunReport> closedLoop)
    {
        var fullLoad = closedLoop.Count == 0 ? 0 : closedLoop.Max(run => run.Measurement.Clients);
        var raw = closedLoop.Where(run => run.Mode == "raw" && run.Measurement.Clients == fullLoad)
            .Select(run => run.Measurement.OrdersPerSecond).Order().ToList();
        if (raw.Count == 0)
        {
            return null;
        }

        var median = (raw[(raw.Count - 1) / 2] + raw[raw.Count / 2]) / 2;
        return median > 0 ? median : null;
    }
}
