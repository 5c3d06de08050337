using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;
using Orders.WebApi.FunctionalTests.EndToEnd;

namespace Orders.WebApi.FunctionalTests.ScaleOut;

/// <summary>The faults of the scale-out run: which instances die mid-run, and the orders they leave between saga steps.</summary>
public sealed partial class ScaleOutTests
{
    /// <summary>
    /// Once the run is a quarter done, kills one instance of each host that runs more than one (the PaymentHost only
    /// when it does), and starts each again a second later.
    /// </summary>
    private static async Task<Kill> KillAndRestartOneOfEachAsync(ScaledSystem system, Func<bool> due)
    {
        while (!due())
        {
            await Task.Delay(50);
        }

        // The WebApi killed is the one driving the most sagas, by the orders its log says it placed that are still
        // pending (the instance that wins a key's insert runs its saga, and that may be mostly one of them), so orders
        // are left between steps: what recovery is for. Bounded, so a run where none is caught in flight
        // still ends; the figures then say that the kill left nothing for recovery.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var (api, victim, inFlight) = await MostSagasInFlightAsync(system);
        while (inFlight < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
            (api, victim, inFlight) = await MostSagasInFlightAsync(system);
        }

        // HostProcess.StopAsync kills the process too (SIGKILL), as WebApiProcess.KillAsync does.
        var hosts = system.Payments.Count > 1 ? new[] { system.Inventories[0], system.Payments[0] } : [system.Inventories[0]];
        var killed = Stopwatch.StartNew();
        await Task.WhenAll(hosts.Select(host => host.StopAsync()).Append(api.KillAsync()));
        var stuck = await PlacedAndPendingAsync(system, api);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await Task.WhenAll(hosts.Select(host => host.StartAsync()).Append(api.StartAsync()));
        var names = $"webapi{victim + 1} (driving {inFlight} sagas), inventory1" + (system.Payments.Count > 1 ? " and payment1" : "");
        return new Kill($"{names} killed (SIGKILL) a quarter into the run, back after {killed.Elapsed.TotalSeconds:F1} s", stuck);
    }

    /// <summary>The WebApi with the most orders it placed that are still pending in the database, and how many.</summary>
    private static async Task<(WebApiProcess Api, int Index, int InFlight)> MostSagasInFlightAsync(ScaledSystem system)
    {
        var inFlight = new List<(WebApiProcess, int, int)>();
        foreach (var (api, index) in system.Apis.Select((api, index) => (api, index)))
        {
            inFlight.Add((api, index, (await PlacedAndPendingAsync(system, api)).Count));
        }

        return inFlight.MaxBy(entry => entry.Item3);
    }

    /// <summary>Orders the instance's log says it placed that are pending in the database: after a kill, the ones it left between steps.</summary>
    private static async Task<IReadOnlySet<Guid>> PlacedAndPendingAsync(ScaledSystem system, WebApiProcess api)
    {
        var placed = PlacedOrders().Matches(api.ReadLog()).Select(match => Guid.Parse(match.Groups["id"].Value)).ToHashSet();
        var pending = new HashSet<Guid>();
        await using var connection = new NpgsqlConnection(system.OrdersDatabase);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM orders WHERE status = 'pending'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (placed.Contains(reader.GetGuid(0)))
            {
                pending.Add(reader.GetGuid(0));
            }
        }

        return pending;
    }

    [GeneratedRegex("Order (?<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}) placed by")]
    private static partial Regex PlacedOrders();

    /// <summary>What was killed, and the orders the killed WebApi left pending between saga steps.</summary>
    private sealed record Kill(string What, IReadOnlySet<Guid> Stuck);
}
