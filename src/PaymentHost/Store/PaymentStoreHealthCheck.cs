using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Orders.PaymentHost.Store;

/// <summary>Healthy only while the payments database answers: without it nothing can be charged or refunded.</summary>
internal sealed class PaymentStoreHealthCheck(NpgsqlDataSource database) : IHealthCheck
{
    /// <summary>A check slower than this counts as the database not answering.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = database.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("The payments database answers");
        }
        catch (NpgsqlException exception)
        {
            return HealthCheckResult.Unhealthy("The payments database does not answer", exception);
        }
    }
}
