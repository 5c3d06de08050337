using Orders.Operations;

namespace Orders.PaymentHost;

/// <summary>What operators reach beside the gRPC service: health over plain HTTP and the metrics scrape.</summary>
public static class PaymentOperations
{
    public const string ServiceName = "orders-payment";
    public const string HealthPath = "/healthz";

    public static WebApplication MapPaymentOperations(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath);
        app.MapHealthProbes();
        app.MapMetrics();
        return app;
    }
}
