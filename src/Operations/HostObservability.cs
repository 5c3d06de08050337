using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Orders.Operations;

/// <summary>
/// Traces and metrics of one host through OpenTelemetry: ASP.NET Core and HttpClient (gRPC calls included, which
/// carry the W3C trace context to the next host), the .NET runtime's meter, plus the host's own sources and meters.
/// Metrics are scraped from <see cref="MetricsPath"/>. When <see cref="OtlpEndpointSetting"/> is set, traces are
/// recorded too and everything is pushed over OTLP.
/// </summary>
internal static class HostObservability
{
    public const string MetricsPath = "/metrics";
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string RuntimeMeter = "System.Runtime";

    /// <summary>
    /// The hosts' own durations are milliseconds long: the default buckets (0 to 10,000) would put every one of them
    /// in the first. 1 ms to 10 s, in the steps OpenTelemetry's semantic conventions use for HTTP durations.
    /// </summary>
    private static readonly ExplicitBucketHistogramConfiguration SecondsBuckets = new()
    {
        Boundaries = [0.001, 0.0025, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10],
    };

    public static IServiceCollection AddObservability(
        this IServiceCollection services,
        IConfiguration configuration,
        string serviceName,
        string[] sources,
        string[] meters)
    {
        var pushOverOtlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]);
        // What a trace of this host holds. A tracer provider runs only when spans have a receiver: a running one has
        // the MongoDB driver, Npgsql and HttpClient build every span's data even when its sampler drops the span
        // (≈ 10 % of the hosts' CPU per order). Trace ids flow either way: ASP.NET Core starts an activity per request
        // for its log scopes, and HttpClient sends the current one on as traceparent.
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing
            .AddAspNetCoreInstrumentation(options => options.Filter = IsNotAScrape)
            .AddHttpClientInstrumentation()
            .AddSource(sources));
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics =>
            {
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    // The runtime's own: bytes allocated, collections, thread-pool queue, CPU time. Read at scrape time,
                    // so they cost a request nothing.
                    .AddMeter(RuntimeMeter)
                    .AddMeter(meters)
                    .AddView(instrument => meters.Contains(instrument.Meter.Name) && instrument.Unit == "s" ? SecondsBuckets : null)
                    .AddPrometheusExporter();
                if (pushOverOtlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        if (pushOverOtlp)
        {
            telemetry
                .WithTracing(tracing => tracing.AddOtlpExporter())
                .WithLogging(logging => logging.AddOtlpExporter());
        }

        return services.AddRfc3339JsonTimestamps().AddOperationsPort(configuration);
    }

    /// <summary>The Prometheus text format at <see cref="MetricsPath"/>.</summary>
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath);
        return endpoints;
    }

    // A scrape every few seconds is not worth a trace.
    private static bool IsNotAScrape(HttpContext context) => !context.Request.Path.StartsWithSegments(MetricsPath, StringComparison.Ordinal);
}
