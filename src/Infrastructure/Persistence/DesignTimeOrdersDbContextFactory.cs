using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Orders.Infrastructure.Persistence;

/// <summary>
/// Lets <c>dotnet ef</c> build the model without a running host. Scripts and migrations need no server;
/// <c>dotnet ef database update</c> connects to <c>ORDERS_DB</c> (a connection string) or a local default.
/// </summary>
internal sealed class DesignTimeOrdersDbContextFactory : IDesignTimeDbContextFactory<OrdersDbContext>
{
    private const string LocalDefault = "Host=localhost;Database=orders;Username=postgres";

    public OrdersDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ORDERS_DB") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : LocalDefault;
        var options = new DbContextOptionsBuilder<OrdersDbContext>();
        OrdersDatabase.Configure(options, connectionString);
        return new OrdersDbContext(options.Options);
    }
}
