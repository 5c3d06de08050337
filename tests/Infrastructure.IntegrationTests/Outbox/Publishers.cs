using System.Collections.Concurrent;
using Orders.Infrastructure.Outbox;

namespace Orders.Infrastructure.IntegrationTests.Outbox;

/// <summary>The process dies right after the broker confirmed a message, before the relay could mark it sent.</summary>
internal sealed class DiesAfterPublishing(IOrderEventPublisher broker, CancellationTokenSource process) : IOrderEventPublisher
{
    public Task ConnectAsync(CancellationToken cancellationToken) => broker.ConnectAsync(cancellationToken);

    public async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await broker.PublishAsync(message, cancellationToken);
        await process.CancelAsync();
        process.Token.ThrowIfCancellationRequested();
    }
}

/// <summary>Records which relay published which event, each publish taking a while so two relays overlap.</summary>
internal sealed class RecordingPublisher(IOrderEventPublisher broker, string relay, ConcurrentQueue<(string Relay, Guid EventId)> published) : IOrderEventPublisher
{
    private static readonly TimeSpan PublishTakes = TimeSpan.FromMilliseconds(20);

    public Task ConnectAsync(CancellationToken cancellationToken) => broker.ConnectAsync(cancellationToken);

    public async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await Task.Delay(PublishTakes, cancellationToken);
        await broker.PublishAsync(message, cancellationToken);
        published.Enqueue((relay, message.Id));
    }
}
