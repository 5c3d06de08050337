using System.Diagnostics.Metrics;
using MongoDB.Driver;
using MongoDB.Driver.Core.Events;

namespace Orders.InventoryHost.Telemetry;

/// <summary>
/// <c>inventory.mongo.commands</c>: every command the driver sends, by name, and by origin: <c>call</c> while a gRPC call
/// is served, else <c>background</c> (the committed-hold sweep, health pings, seeding). Commands per order are then
/// measured where they are paid, and the sweep's batched writes are not mistaken for a call's.
/// </summary>
internal static class MongoCommandCounter
{
    public const string InstrumentName = "inventory.mongo.commands";

    private static readonly Counter<long> Commands = InventoryTelemetry.Meter.CreateCounter<long>(
        InstrumentName, "{command}", "Commands sent to MongoDB, by command name and origin (call or background).");

    /// <summary>The settings, with a subscriber that counts each command; <paramref name="calls"/> tells whether a call is being served.</summary>
    public static MongoClientSettings CountingCommands(this MongoClientSettings settings, IHttpContextAccessor calls)
    {
        var configured = settings.ClusterConfigurator;
        settings.ClusterConfigurator = cluster =>
        {
            configured?.Invoke(cluster);
            cluster.Subscribe<CommandStartedEvent>(command => Commands.Add(
                1,
                new KeyValuePair<string, object?>("command", command.CommandName),
                new KeyValuePair<string, object?>("origin", calls.HttpContext is null ? "background" : "call")));
        };
        return settings;
    }
}
