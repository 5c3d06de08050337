using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Orders.Infrastructure.Persistence;

public static class MigrationExtensions
{
    /// <summary>
    /// Brings the orders database to the current model, creating it if missing; a no-op when it is up to date.
    /// Returns the migrations it applied.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MigrateOrdersDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var context = services.GetRequiredService<OrdersDbContext>();
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        return pending;
    }
}
