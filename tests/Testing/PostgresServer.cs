using Npgsql;

namespace Orders.Testing;

/// <summary>
/// One PostgreSQL server for the whole test run, started on first use: a Testcontainers container when a Docker
/// engine answers, else the server named by <c>ORDERS_TEST_POSTGRES</c>, else a throwaway local server.
/// Each test or fixture takes its own database with <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServer
{
    public const string EnvironmentVariable = "ORDERS_TEST_POSTGRES";

    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private PostgresServer(string connectionString, string origin)
    {
        ConnectionString = connectionString;
        Origin = origin;
    }

    /// <summary>A connection string to the server's maintenance database (<c>postgres</c>) as a superuser.</summary>
    public string ConnectionString { get; }

    /// <summary>Where the server came from, for test output: container, environment or local.</summary>
    public string Origin { get; }

    /// <summary>The run's server. Throws <see cref="TestServerUnavailableException"/> (with every reason) when none can be had.</summary>
    public static Task<PostgresServer> GetAsync() => Shared.Value;

    /// <summary>The run's server, or <see cref="Assert.Ignore(string)"/> with the reason none could be had.</summary>
    public static async Task<PostgresServer> GetOrIgnoreAsync()
    {
        try
        {
            return await GetAsync().ConfigureAwait(false);
        }
        catch (TestServerUnavailableException exception)
        {
            Assert.Ignore(exception.Message);
            throw;
        }
    }

    /// <summary>Creates an empty database named after <paramref name="prefix"/> and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var name = NewDatabaseName(prefix);
        var connection = new NpgsqlConnection(ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return ConnectionStringFor(name);
    }

    /// <summary>A connection string to a database that does not exist yet (for code that creates it itself).</summary>
    public string ConnectionStringForNewDatabase(string prefix) => ConnectionStringFor(NewDatabaseName(prefix));

    private string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString;

    private static string NewDatabaseName(string prefix)
    {
        var safe = new string(prefix.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        var suffix = Guid.NewGuid().ToString("N")[..12];
        const int maxIdentifier = 63;
        return $"{safe[..Math.Min(safe.Length, maxIdentifier - suffix.Length - 1)]}_{suffix}";
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var reasons = new List<string>();

        var container = await PostgresContainer.TryStartAsync(reasons).ConfigureAwait(false);
        if (container is not null)
        {
            return new PostgresServer(container, "container");
        }

        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return new PostgresServer(fromEnvironment, EnvironmentVariable);
        }

        reasons.Add($"{EnvironmentVariable} is not set");

        var local = await LocalPostgres.TryStartAsync(reasons).ConfigureAwait(false);
        if (local is not null)
        {
            return new PostgresServer(local.ConnectionString, "local");
        }

        throw new TestServerUnavailableException($"No PostgreSQL server for the tests: {string.Join("; ", reasons)}.");
    }
}
