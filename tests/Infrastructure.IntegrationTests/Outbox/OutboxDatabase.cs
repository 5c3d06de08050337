using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orders.Infrastructure.Outbox;
using Orders.Infrastructure.Persistence;

namespace Orders.Infrastructure.IntegrationTests.Outbox;

/// <summary>What the outbox table holds, read through a scope of its own.</summary>
internal static class OutboxDatabase
{
    public static async Task<List<OutboxMessage>> RowsOfAsync(IServiceProvider services, params Guid[] orderIds)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrdersDbContext>().Set<OutboxMessage>()
            .AsNoTracking()
            .Where(message => orderIds.Contains(message.OrderId))
            .OrderBy(message => message.CreatedAt)
            .ToListAsync();
    }

    public static async Task<int> PendingAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrdersDbContext>().Set<OutboxMessage>().CountAsync(message => message.SentAt == null);
    }
}
