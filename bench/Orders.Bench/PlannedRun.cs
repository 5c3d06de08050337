namespace Orders.Bench;

/// <summary>
/// One run of the invocation: which mode, in which round of raw/full-system pairs, after how much warm-up, and with
/// how many clients when not --clients.
/// </summary>
internal sealed record PlannedRun(string Mode, int Round, TimeSpan Warmup, int? Clients = null)
{
    /// <summary>Warm-up of the pairs after the first: the hosts are warm by then, only the clients' pipelines fill.</summary>
    public static readonly TimeSpan LaterRoundWarmup = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Compare: MongoDB alone, PostgreSQL alone, raw, full system, then the further pairs, each in the other order than
    /// the one before, so a machine that slows down or speeds up through the rounds favours neither side; last, raw and
    /// full system with a single client, for the latency of one order on an idle stack; then the floor runs.
    /// </summary>
    public static IReadOnlyList<PlannedRun> For(BenchOptions options)
    {
        if (options.Mode == "floor")
        {
            return [.. FloorRuns(options, options.Warmup)];
        }

        if (options.Mode != "compare")
        {
            return [new PlannedRun(options.Mode, 1, options.Warmup)];
        }

        List<PlannedRun> runs = [.. new[] { "mongo", "postgres", "raw", "http" }.Select(mode => new PlannedRun(mode, 1, options.Warmup))];
        var warmup = WarmupOfLaterRounds(options.Warmup);
        for (var round = 2; round <= options.Rounds; round++)
        {
            string[] pair = round % 2 == 0 ? ["http", "raw"] : ["raw", "http"];
            runs.AddRange(pair.Select(mode => new PlannedRun(mode, round, warmup)));
        }

        if (options.Clients > 1)
        {
            runs.AddRange(new[] { "raw", "http" }.Select(mode => new PlannedRun(mode, 1, warmup, Clients: 1)));
        }

        runs.AddRange(FloorRuns(options, warmup));
        return runs;
    }

    /// <summary>The floor of a hop: an empty gRPC call and an HTTP POST against the echo server, at --clients and then at one.</summary>
    private static IEnumerable<PlannedRun> FloorRuns(BenchOptions options, TimeSpan warmup)
    {
        string[] modes = [HopFloor.GrpcMode, HopFloor.HttpMode];
        var runs = modes.Select(mode => new PlannedRun(mode, 1, warmup));
        return options.Clients > 1 ? runs.Concat(modes.Select(mode => new PlannedRun(mode, 1, warmup, Clients: 1))) : runs;
    }

    /// <summary>The warm-up of every pair after the first: <see cref="LaterRoundWarmup"/>, or --warmup if that is shorter.</summary>
    public static TimeSpan WarmupOfLaterRounds(TimeSpan warmup) => warmup < LaterRoundWarmup ? warmup : LaterRoundWarmup;
}
