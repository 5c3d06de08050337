namespace Orders.Infrastructure.Outbox;

/// <summary>Where the relay sends order events: a broker that confirms each message it has taken responsibility for.</summary>
internal interface IOrderEventPublisher
{
    /// <summary>Connects if not connected; throws <see cref="OrderEventPublishException"/> when the broker can't be reached.</summary>
    Task ConnectAsync(CancellationToken cancellationToken);

    /// <summary>Returns once the broker confirmed the message; throws <see cref="OrderEventPublishException"/> otherwise.</summary>
    Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken);
}
