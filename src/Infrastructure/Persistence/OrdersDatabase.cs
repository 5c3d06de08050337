using Microsoft.EntityFrameworkCore;
using Orders.Domain.Orders;
using Orders.Postgres;

namespace Orders.Infrastructure.Persistence;

/// <summary>How the orders context talks to PostgreSQL, shared by the host and the design-time tools.</summary>
internal static class OrdersDatabase
{
    /// <summary>Statements EF Core sends in one batch: enough for the largest order and its lines.</summary>
    public const int MaxBatchSize = Order.MaxLines + 1;

    /// <summary>The few statements of a placement run again and again (<see cref="RepeatedStatements"/>).</summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(
                RepeatedStatements.Tuned(connectionString).ConnectionString,
                npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history").MaxBatchSize(MaxBatchSize))
            .UseSnakeCaseNamingConvention();
}
