using System.Globalization;
using System.Text;

namespace Orders.Bench;

/// <summary>The commands-per-order table: each run's own counts, and what the hosts sent by themselves while only the stores were loaded.</summary>
internal static class CommandReport
{
    private const string OrdersDatabase = "orders";
    private const string PaymentsDatabase = "payments";

    public static void AppendTo(StringBuilder markdown, IReadOnlyList<RunReport> runs)
    {
        var counted = runs.Select(run => (Run: run, Own: Own(run))).Where(pair => pair.Own is not null).ToList();
        if (counted.Count == 0)
        {
            return;
        }

        markdown.AppendLine()
            .AppendLine("Commands per order over each run's measured window: MongoDB commands (the driver's command events; connection set-up and pings left out) and PostgreSQL round trips (Npgsql's `db.client.operation.duration` count: one per command or batch sent). The store-only runs count the load tool's own drivers; the full system's come from the hosts' `/metrics`: the InventoryHost's `inventory.mongo.commands` sent while serving a gRPC call, Npgsql's meter in the WebApi and the PaymentHost.")
            .AppendLine()
            .AppendLine("| run | Mongo cmds/order | by command | PG round trips/order (orders db / payments db) | Mongo background/order, not counted |")
            .AppendLine("| --- | ---: | --- | ---: | --- |");
        foreach (var (run, own) in counted)
        {
            markdown.AppendLine(Invariant($"| {run.Measurement.Name} | {Number(own!.MongoPerOrder)} | {ByName(own, own.Mongo)} | {Postgres(own)} | {Background(own)} |"));
        }

        if (runs.Where(run => run.Mode == "raw").Select(run => run.HostCounts).FirstOrDefault() is { } idle)
        {
            var mongo = idle.Mongo.Concat(idle.MongoBackground).ToList();
            markdown.AppendLine().AppendLine(Invariant(
                $"While only the stores were loaded (raw storage's window, {idle.Seconds:0.#} s), the idle hosts sent by themselves {mongo.Sum(pair => pair.Value):N0} MongoDB command(s){Listed(mongo)} and {idle.Postgres.Values.Sum():N0} PostgreSQL round trip(s){Listed(idle.Postgres)}: their own background (recovery rounds, health checks), which the full system's PostgreSQL counts include at about that rate."));
        }
    }

    /// <summary>The count of the run's own load: the hosts' for the full system, the load tool's for the others.</summary>
    private static CommandCount? Own(RunReport run) =>
        run.Measurement.Commands?.FirstOrDefault(count => count.CountedBy == (run.Mode == "http" ? HostCommands.Name : DriverCommands.Name));

    private static string ByName(CommandCount count, IReadOnlyDictionary<string, long> commands) =>
        commands.Count == 0 ? "–" : string.Join(" · ", commands.Select(pair => $"{pair.Key} {Number(count.PerOrder(pair.Value))}"));

    private static string Postgres(CommandCount count)
    {
        var main = string.Join(" / ", new[] { OrdersDatabase, PaymentsDatabase }.Select(database =>
            count.Postgres.TryGetValue(database, out var trips) ? Number(count.PerOrder(trips)) : "–"));
        var others = count.Postgres.Where(pair => pair.Key is not (OrdersDatabase or PaymentsDatabase))
            .Select(pair => $" · {pair.Key} {Number(count.PerOrder(pair.Value))}");
        return main + string.Concat(others);
    }

    private static string Background(CommandCount count) => count.MongoBackground.Count == 0
        ? "–"
        : $"{Number(count.PerOrder(count.MongoBackground.Values.Sum()))} ({ByName(count, count.MongoBackground)})";

    private static string Listed(IEnumerable<KeyValuePair<string, long>> counts) =>
        counts.Any() ? $" ({string.Join(", ", counts.Select(pair => Invariant($"{pair.Key} {pair.Value:N0}")))})" : "";

    private static string Number(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
