using Microsoft.EntityFrameworkCore;

namespace Orders.Infrastructure.Persistence;

/// <summary>How the orders context talks to PostgreSQL, shared by the host and the design-time tools.</summary>
internal static class OrdersDatabase
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
}
