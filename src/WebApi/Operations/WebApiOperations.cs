using Microsoft.Extensions.Options;
using Orders.Application.Common;
using Orders.Infrastructure.Outbox;
using Orders.Operations;

namespace Orders.WebApi.Operations;

/// <summary>Traces, metrics and graceful shutdown of the WebApi.</summary>
public static class WebApiOperations
{
    public const string ServiceName = "orders-api";

    /// <summary>Npgsql's own ActivitySource and Meter: EF Core's SQL shows up through the driver underneath it.</summary>
    private const string Npgsql = "Npgsql";

    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ShutdownOptions>().Bind(configuration.GetSection(ShutdownOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ShutdownOptions>, ShutdownOptionsValidator>();
        services.AddOptions<HostOptions>()
            .Configure<IOptions<ShutdownOptions>>((host, shutdown) => host.ShutdownTimeout = shutdown.Value.Timeout);

        return services.AddObservability(
            configuration,
            ServiceName,
            sources: [OrdersTelemetry.SourceName, Npgsql],
            meters: [OrdersTelemetry.MeterName, OutboxTelemetry.MeterName, Npgsql]);
    }

    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder endpoints) => endpoints.MapMetrics();
}
