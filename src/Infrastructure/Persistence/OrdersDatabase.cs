using Microsoft.EntityFrameworkCore;
using Npgsql;
using Orders.Domain.Orders;

namespace Orders.Infrastructure.Persistence;

/// <summary>How the orders context talks to PostgreSQL, shared by the host and the design-time tools.</summary>
internal static class OrdersDatabase
{
    /// <summary>Prepared statements each connection keeps when the connection string leaves it at 0 (off).</summary>
    public const int DefaultMaxAutoPrepare = 32;

    /// <summary>Statements EF Core sends in one batch: enough for the largest order and its lines.</summary>
    public const int MaxBatchSize = Order.MaxLines + 1;

    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(Tuned(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history").MaxBatchSize(MaxBatchSize))
            .UseSnakeCaseNamingConvention();

    /// <summary>
    /// The few statements of a placement run again and again: each connection prepares them once (Max Auto Prepare),
    /// and a pooled connection comes back without DISCARD ALL (No Reset On Close), which would drop those prepared
    /// statements and cost a statement of its own; the store sets no session state that would need resetting.
    /// </summary>
    public static string Tuned(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }
}
