using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using Testcontainers.PostgreSql;

namespace Orders.Testing;

/// <summary>PostgreSQL in a Testcontainers container, when a Docker engine answers.</summary>
internal static class PostgresContainer
{
    private const string Image = "postgres:16-alpine";

    public static async Task<string?> TryStartAsync(List<string> reasons)
    {
        if (TestcontainersSettings.OS.DockerEndpointAuthConfig is null)
        {
            reasons.Add("no Docker engine answers");
            return null;
        }

        try
        {
            var container = new PostgreSqlBuilder(Image).Build();
            await container.StartAsync().ConfigureAwait(false);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return container.GetConnectionString();
        }
        catch (DockerUnavailableException exception)
        {
            reasons.Add($"Docker is unavailable ({exception.Message})");
            return null;
        }
    }
}
