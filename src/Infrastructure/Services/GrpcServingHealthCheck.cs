using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Orders.Infrastructure.Services;

/// <summary>Healthy when the service answers SERVING to grpc.health.v1 (the whole server, service name "").</summary>
internal sealed class GrpcServingHealthCheck(Health.HealthClient client, ServiceDeadline deadline) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var reply = await client.CheckAsync(new HealthCheckRequest(), deadline.For(cancellationToken)).ConfigureAwait(false);
            return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving
                ? HealthCheckResult.Healthy()
                : new HealthCheckResult(context.Registration.FailureStatus, $"The service reports {reply.Status}.");
        }
        catch (RpcException exception)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"The health check call failed with {exception.StatusCode}.", exception);
        }
    }
}
