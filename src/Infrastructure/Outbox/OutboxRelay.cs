using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orders.Infrastructure.Persistence;

namespace Orders.Infrastructure.Outbox;

/// <summary>
/// One pass of the relay: claims the oldest pending events with <c>FOR UPDATE SKIP LOCKED</c> (so relays in other
/// instances take other rows), publishes them, marks the confirmed ones sent and commits. A relay that dies before the
/// commit leaves its rows pending, and they are published again: consumers see a duplicate with the same id, never a loss.
/// </summary>
internal sealed class OutboxRelay(
    IServiceScopeFactory scopes,
    IOrderEventPublisher publisher,
    IOptions<OutboxOptions> options,
    TimeProvider timeProvider)
{
    /// <summary>Publishes one batch; returns how many were published. Throws <see cref="OrderEventPublishException"/> when any was not.</summary>
    public async Task<int> RelayOnceAsync(CancellationToken cancellationToken)
    {
        // Connected before anything is claimed: while the broker is away, no row is locked.
        try
        {
            await publisher.ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OrderEventPublishException)
        {
            OutboxTelemetry.PublishFailures.Add(1);
            throw;
        }

        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var context = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
            var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var claimed = await context.Set<OutboxMessage>()
                    .FromSql($"SELECT * FROM outbox_messages WHERE sent_at IS NULL ORDER BY created_at, id LIMIT {options.Value.BatchSize} FOR UPDATE SKIP LOCKED")
                    .AsNoTracking()
                    .ToListAsync(cancellationToken)
                    .ConfigureAwait(false);
                if (claimed.Count == 0)
                {
                    return 0;
                }

                var failures = await Task.WhenAll(claimed.Select(message => TryPublishAsync(message, cancellationToken))).ConfigureAwait(false);
                var sent = claimed.Where((_, i) => failures[i] is null).Select(message => message.Id).ToList();
                if (sent.Count > 0)
                {
                    var now = timeProvider.GetUtcNow();
                    await context.Set<OutboxMessage>()
                        .Where(message => sent.Contains(message.Id))
                        .ExecuteUpdateAsync(update => update.SetProperty(message => message.SentAt, now), cancellationToken)
                        .ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                OutboxTelemetry.Published.Add(sent.Count);
                var failed = failures.OfType<OrderEventPublishException>().ToList();
                if (failed.Count > 0)
                {
                    OutboxTelemetry.PublishFailures.Add(failed.Count);
                    throw failed[0];
                }

                return sent.Count;
            }
        }
    }

    /// <summary>Deletes the rows published longer ago than <see cref="OutboxOptions.SentRetention"/>; returns how many.</summary>
    public async Task<int> DeleteSentAsync(CancellationToken cancellationToken)
    {
        var cutoff = timeProvider.GetUtcNow() - options.Value.SentRetention;
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            return await scope.ServiceProvider.GetRequiredService<OrdersDbContext>().Set<OutboxMessage>()
                .Where(message => message.SentAt < cutoff)
                .ExecuteDeleteAsync(cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary>How many events wait and how old the oldest is; also what the pending metrics report.</summary>
    public async Task<OutboxBacklog> MeasureBacklogAsync(CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var pending = scope.ServiceProvider.GetRequiredService<OrdersDbContext>().Set<OutboxMessage>().Where(message => message.SentAt == null);
            var count = await pending.CountAsync(cancellationToken).ConfigureAwait(false);
            var oldest = await pending.MinAsync(message => (DateTimeOffset?)message.CreatedAt, cancellationToken).ConfigureAwait(false);
            var backlog = new OutboxBacklog(count, oldest is null ? TimeSpan.Zero : timeProvider.GetUtcNow() - oldest.Value);
            OutboxTelemetry.ObserveBacklog(backlog.Pending, backlog.OldestAge);
            return backlog;
        }
    }

    private async Task<OrderEventPublishException?> TryPublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await publisher.PublishAsync(message, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (OrderEventPublishException exception)
        {
            return exception;
        }
    }
}
