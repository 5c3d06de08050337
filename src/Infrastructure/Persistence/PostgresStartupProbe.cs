using Microsoft.Extensions.Options;
using Npgsql;
using Orders.Contracts.Hosting;

namespace Orders.Infrastructure.Persistence;

/// <summary>
/// PostgreSQL answers when a connection to its server opens. A database that does not exist yet counts as an
/// answer: the migrations create it. Asked only when the host migrates at start; otherwise readiness says whether
/// PostgreSQL is there.
/// </summary>
internal sealed class PostgresStartupProbe(IOptions<OrdersDatabaseOptions> options) : StartupProbe
{
    /// <summary>PostgreSQL's "database does not exist" (SQLSTATE 3D000).</summary>
    private const string InvalidCatalogName = "3D000";

    public override StartupDependency Dependency { get; } = new(
        "PostgreSQL",
        $"ConnectionStrings:{OrdersDatabaseOptions.ConnectionStringName}",
        "start it (./build.sh --target=Run starts one; with Docker: docker compose up -d postgres)");

    public override async Task ProbeAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStartup)
        {
            return;
        }

        var connection = new NpgsqlConnection(options.Value.ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException exception) when (exception.SqlState == InvalidCatalogName)
            {
                return;
            }
        }
    }

    // The server answered with an error of its own (a wrong password, say): retrying will not help, and the host's
    // start-up says what it is.
    public override bool IsUnreachable(Exception exception) => exception is NpgsqlException and not PostgresException { IsTransient: false };
}
