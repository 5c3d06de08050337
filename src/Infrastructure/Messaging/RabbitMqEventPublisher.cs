using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orders.Infrastructure.Outbox;
using RabbitMQ.Client;

namespace Orders.Infrastructure.Messaging;

/// <summary>
/// Publishes order events to the topic exchange as persistent messages on a channel with publisher confirms: a
/// publish returns once the broker has the message. One connection per process, opened on first use; after any
/// failure it is dropped and the next pass opens a new one (the relay's backoff paces the attempts).
/// </summary>
internal sealed partial class RabbitMqEventPublisher(IOptions<RabbitMqOptions> options, ILogger<RabbitMqEventPublisher> logger)
    : IOrderEventPublisher, IAsyncDisposable
{
    private const string ClientName = "orders-outbox-relay";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;
    private IChannel? _channel;

    public async Task ConnectAsync(CancellationToken cancellationToken) =>
        await ChannelAsync(cancellationToken).ConfigureAwait(false);

    public async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var channel = await ChannelAsync(cancellationToken).ConfigureAwait(false);
        var properties = new BasicProperties
        {
            MessageId = message.Id.ToString(),
            Type = message.Type,
            ContentType = OrderEventEnvelope.ContentType,
            ContentEncoding = "utf-8",
            DeliveryMode = DeliveryModes.Persistent,
            Timestamp = new AmqpTimestamp(message.CreatedAt.ToUnixTimeSeconds()),
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.PublishTimeout);
        try
        {
            await channel.BasicPublishAsync(settings.Exchange, message.Type, mandatory: false, properties, Encoding.UTF8.GetBytes(message.Envelope), timeout.Token)
                .ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            await DropAsync(channel).ConfigureAwait(false);
            throw new OrderEventPublishException($"The broker did not confirm event {message.Id} ({message.Type}).", exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    private async Task<IChannel> ChannelAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _channel) is { IsOpen: true } open)
        {
            return open;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_channel is { IsOpen: true } reopened)
            {
                return reopened;
            }

            await CloseAsync().ConfigureAwait(false);
            var settings = options.Value;
            var factory = new ConnectionFactory
            {
                Uri = new Uri(settings.Uri),
                RequestedConnectionTimeout = settings.ConnectTimeout,
                AutomaticRecoveryEnabled = false,
                TopologyRecoveryEnabled = false,
                ClientProvidedName = ClientName,
            };
            try
            {
                _connection = await factory.CreateConnectionAsync(cancellationToken).ConfigureAwait(false);
                var channel = await _connection.CreateChannelAsync(
                        new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
                        cancellationToken)
                    .ConfigureAwait(false);
                await channel.ExchangeDeclareAsync(settings.Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
                Volatile.Write(ref _channel, channel);
                LogConnected(logger, factory.Endpoint.HostName, factory.Endpoint.Port, settings.Exchange);
                return channel;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                await CloseAsync().ConfigureAwait(false);
                throw new OrderEventPublishException($"The broker at {factory.Endpoint.HostName}:{factory.Endpoint.Port} can't be reached.", exception);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops the connection of a channel that failed, unless another publish already replaced it.</summary>
    private async Task DropAsync(IChannel? failed)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (failed is not null && ReferenceEquals(_channel, failed))
            {
                await CloseAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task CloseAsync()
    {
        var channel = _channel;
        var connection = _connection;
        _channel = null;
        _connection = null;
        foreach (var closing in new IAsyncDisposable?[] { channel, connection })
        {
            try
            {
                if (closing is not null)
                {
                    await closing.DisposeAsync().ConfigureAwait(false);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A connection that is already broken may fail to close; it is gone either way.
                LogCloseFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order events go to exchange {Exchange} at {Host}:{Port}")]
    private static partial void LogConnected(ILogger logger, string host, int port, string exchange);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing a broken broker connection failed")]
    private static partial void LogCloseFailed(ILogger logger, Exception exception);
}
