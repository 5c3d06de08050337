using System.Diagnostics.Metrics;
using MongoDB.Driver;
using Orders.InventoryHost.Stock;
using Orders.Operations;

namespace Orders.InventoryHost.Telemetry;

/// <summary>The Inventory service's own metrics, its traces (MongoDB's driver spans included) and metrics pipeline, and what operators reach beside gRPC.</summary>
public static class InventoryTelemetry
{
    public const string ServiceName = "orders-inventory";
    public const string MeterName = "Orders.Inventory";
    public const string HealthPath = "/healthz";

    internal static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Reservations = Meter.CreateCounter<long>(
        "inventory.reservations", "{reservation}", "Reservations asked for, by outcome: reserved, rejected or refused.");

    public static IServiceCollection AddInventoryObservability(this IServiceCollection services, IConfiguration configuration) =>
        services.AddObservability(configuration, ServiceName, sources: [MongoTelemetry.ActivitySourceName], meters: [MeterName]);

    public static WebApplication MapInventoryOperations(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath);
        app.MapHealthProbes();
        app.MapMetrics();
        return app;
    }

    internal static void RecordReservation(StockResult<ReserveOutcome> result) =>
        Reservations.Add(1, new KeyValuePair<string, object?>("outcome", result switch
        {
            { Failure: not null } => "refused",
            { Value: ReserveOutcome.Reserved } => "reserved",
            _ => "rejected",
        }));
}
