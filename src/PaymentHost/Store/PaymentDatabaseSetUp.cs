using Microsoft.Extensions.Options;
using Npgsql;
using Orders.PaymentHost.Configuration;

namespace Orders.PaymentHost.Store;

/// <summary>
/// Creates the payments database and its table when they are missing, before the host serves a call. Several
/// instances may start at once against one server, so losing the race to create either is not a failure.
/// </summary>
internal sealed partial class PaymentDatabaseSetUp(
    NpgsqlDataSource database,
    IOptions<PaymentStoreOptions> options,
    ILogger<PaymentDatabaseSetUp> logger) : IHostedService
{
    private const string MaintenanceDatabase = "postgres";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CreateTableIfMissingAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // Only a missing database needs the server's maintenance database, which a restricted user may not reach.
            await CreateDatabaseAsync(cancellationToken);
            await CreateTableIfMissingAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CreateTableIfMissingAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(PaymentsTable.Create);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.UniqueViolation)
        {
            // Another instance created it at the same moment.
        }
    }

    private async Task CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var settings = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString);
        var name = settings.Database!;
        settings.Database = MaintenanceDatabase;
        settings.Pooling = false;
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);

        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
            LogCreated(name);
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another instance created it at the same moment.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Payments database {Database} created")]
    private partial void LogCreated(string database);
}
