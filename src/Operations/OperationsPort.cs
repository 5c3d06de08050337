using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Orders.Operations;

/// <summary>
/// A gRPC host's port speaks only HTTP/2 without TLS, which Prometheus and Kubernetes <c>httpGet</c> probes can't
/// use. With <see cref="Setting"/> set, the host also listens there over HTTP/1.1 for <c>/metrics</c>,
/// <c>/health/live</c> and <c>/health/ready</c>. Listening in code overrides the URLs Kestrel would take from
/// configuration, so the <c>http_ports</c> are listened on here too.
/// </summary>
internal static class OperationsPort
{
    public const string Setting = "Operations:HttpPort";
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    public static IServiceCollection AddOperationsPort(this IServiceCollection services, IConfiguration configuration)
    {
        if (!int.TryParse(configuration[Setting], NumberStyles.None, CultureInfo.InvariantCulture, out var operationsPort)
            || !TryReadServicePorts(configuration, out var grpcPorts))
        {
            return services;
        }

        return services.Configure<KestrelServerOptions>(kestrel =>
        {
            foreach (var port in grpcPorts)
            {
                kestrel.ListenAnyIP(port, listen => listen.Protocols = HttpProtocols.Http2);
            }

            kestrel.ListenAnyIP(operationsPort, listen => listen.Protocols = HttpProtocols.Http1);
        });
    }

    // --urls (the Run and Bench targets) wins over http_ports, as it would without this port.
    private static bool TryReadServicePorts(IConfiguration configuration, out int[] ports)
    {
        var urls = configuration[WebHostDefaults.ServerUrlsKey];
        if (string.IsNullOrWhiteSpace(urls))
        {
            return ListeningPorts.TryRead(configuration, out ports);
        }

        ports = [.. urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(url => Uri.TryCreate(url.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri) ? uri.Port : 0)];
        return ports.Length > 0 && ports.All(port => port > 0);
    }

    /// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c>: every health check passes (503 otherwise).</summary>
    public static IEndpointRouteBuilder MapHealthProbes(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks(ReadyPath);
        return endpoints;
    }
}
