using Orders.Operations;

namespace Orders.PaymentHost;

/// <summary>What operators reach beside the gRPC service: health over plain HTTP and the metrics scrape.</summary>
public static class PaymentOperations
{
    public const string ServiceName = "orders-payment";
    public const string HealthPath = "/healthz";

    /// <summary>Npgsql's own meter: its <c>db.client.operation.duration</c> count is the round trips to the payments database.</summary>
    public const string NpgsqlMeter = "Npgsql";

    public static WebApplication MapPaymentOperations(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath);
        app.MapHealthProbes();
        app.MapMetrics();
        return app;
    }
}
