namespace Orders.Bench;

/// <summary>Something that counts the commands sent to the stores: the load tool's own drivers, or the hosts' metrics.</summary>
internal interface ICommandCounter
{
    /// <summary>Where the counts come from, as the report names it.</summary>
    string CountedBy { get; }

    /// <summary>The totals so far; null when they can't be read (a host without metrics).</summary>
    Task<CommandTotals?> ReadAsync();
}

/// <summary>
/// Commands sent so far: MongoDB's by command name, an order's apart from background ones (connection set-up, pings,
/// the hosts' sweeps), and PostgreSQL round trips by database; and, read from the hosts, the bytes each has allocated
/// and the time their duration histograms have summed (<see cref="HostWaits"/>).
/// </summary>
internal sealed record CommandTotals(
    IReadOnlyDictionary<string, long> Mongo,
    IReadOnlyDictionary<string, long> MongoBackground,
    IReadOnlyDictionary<string, long> Postgres,
    IReadOnlyDictionary<string, long>? Allocated = null,
    IReadOnlyDictionary<string, Wait>? Waits = null)
{
    /// <summary>Commands a driver sends to set up a connection or to check on the server: never an order's.</summary>
    public static readonly IReadOnlySet<string> ConnectionCommands = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "hello", "isMaster", "saslStart", "saslContinue", "authenticate", "buildInfo", "ping", "endSessions",
    };
}

/// <summary>What one counter saw over a measured window, and the orders placed in it.</summary>
internal sealed record CommandCount(
    string CountedBy,
    long Orders,
    double Seconds,
    IReadOnlyDictionary<string, long> Mongo,
    IReadOnlyDictionary<string, long> MongoBackground,
    IReadOnlyDictionary<string, long> Postgres,
    IReadOnlyDictionary<string, long>? Allocated = null,
    IReadOnlyDictionary<string, Wait>? Waits = null)
{
    public double MongoPerOrder => PerOrder(Mongo.Values.Sum());

    public double PerOrder(long count) => Orders > 0 ? (double)count / Orders : 0;

    /// <summary>The growth between two readings; null when either is missing.</summary>
    public static CommandCount? Between(string countedBy, CommandTotals? before, CommandTotals? after, long orders, double seconds) =>
        before is null || after is null
            ? null
            : new CommandCount(
                countedBy,
                orders,
                seconds,
                Growth(before.Mongo, after.Mongo),
                Growth(before.MongoBackground, after.MongoBackground),
                Growth(before.Postgres, after.Postgres),
                before.Allocated is { } allocatedBefore && after.Allocated is { } allocatedAfter ? Growth(allocatedBefore, allocatedAfter) : null,
                before.Waits is { } waitsBefore && after.Waits is { } waitsAfter ? HostWaits.Growth(waitsBefore, waitsAfter) : null);

    /// <summary>Reads every counter at once, so the window is the same for each.</summary>
    public static async Task<CommandTotals?[]> ReadAllAsync(IReadOnlyList<ICommandCounter> counters) =>
        await Task.WhenAll(counters.Select(counter => counter.ReadAsync()));

    // A key that did not grow is dropped: the report lists what the window sent.
    private static Dictionary<string, long> Growth(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        after.Select(pair => (pair.Key, Count: pair.Value - before.GetValueOrDefault(pair.Key)))
            .Where(pair => pair.Count > 0)
            .OrderByDescending(pair => pair.Count)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .ToDictionary(pair => pair.Key, pair => pair.Count, StringComparer.Ordinal);
}
