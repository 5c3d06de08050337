using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace Orders.Testing;

/// <summary>
/// A consumer for tests: a durable queue of its own bound to the orders exchange, read by a loop that reconnects
/// whenever the broker goes away, recording every delivery (duplicates included) in arrival order.
/// </summary>
public sealed class OrderEventCollector : IAsyncDisposable
{
    public const string Exchange = "orders";

    private readonly ConnectionFactory _factory;
    private readonly string _queue;
    private readonly List<ReceivedOrderEvent> _received = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    private OrderEventCollector(Uri amqpUri, string queue)
    {
        _factory = new ConnectionFactory { Uri = amqpUri, AutomaticRecoveryEnabled = false, RequestedConnectionTimeout = TimeSpan.FromSeconds(5) };
        _queue = queue;
    }

    public IReadOnlyList<ReceivedOrderEvent> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Declares the exchange (as the relay does) and a queue bound with <paramref name="bindingKey"/>, then starts reading.</summary>
    public static async Task<OrderEventCollector> StartAsync(Uri amqpUri, string bindingKey = "#")
    {
        var collector = new OrderEventCollector(amqpUri, $"orders-test-{Guid.NewGuid():N}");
        var connection = await collector._factory.CreateConnectionAsync().ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var channel = await connection.CreateChannelAsync().ConfigureAwait(false);
            await using (channel.ConfigureAwait(false))
            {
                await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Topic, durable: true, autoDelete: false).ConfigureAwait(false);
                await channel.QueueDeclareAsync(collector._queue, durable: true, exclusive: false, autoDelete: false).ConfigureAwait(false);
                await channel.QueueBindAsync(collector._queue, Exchange, bindingKey).ConfigureAwait(false);
            }
        }

        collector._loop = collector.ReadAsync(collector._stop.Token);
        return collector;
    }

    /// <summary>Waits until <paramref name="enough"/> holds for what was received; fails the test with what came when it does not in time.</summary>
    public async Task<IReadOnlyList<ReceivedOrderEvent>> WaitForAsync(Func<IReadOnlyList<ReceivedOrderEvent>, bool> enough, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var received = Received;
            if (enough(received))
            {
                return received;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Within {timeout}, {received.Count} event(s) arrived: {string.Join(", ", received.Select(e => e.Type))}.");
            }

            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until an event with each of <paramref name="ids"/> arrived.</summary>
    public Task<IReadOnlyList<ReceivedOrderEvent>> WaitForIdsAsync(IEnumerable<string> ids, TimeSpan timeout)
    {
        var wanted = ids.ToHashSet();
        return WaitForAsync(received => wanted.IsSubsetOf(received.Select(e => e.Id)), timeout);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
        try
        {
            var connection = await _factory.CreateConnectionAsync().ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var channel = await connection.CreateChannelAsync().ConfigureAwait(false);
                await using (channel.ConfigureAwait(false))
                {
                    await channel.QueueDeleteAsync(_queue).ConfigureAwait(false);
                }
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The broker is shared by the run and the queue is named for this collector alone: a leftover harms no test.
        }
    }

    private async Task ReadAsync(CancellationToken stop)
    {
        IConnection? connection = null;
        IChannel? channel = null;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                connection ??= await _factory.CreateConnectionAsync(stop).ConfigureAwait(false);
                channel ??= await connection.CreateChannelAsync(cancellationToken: stop).ConfigureAwait(false);
                var delivery = await channel.BasicGetAsync(_queue, autoAck: true, stop).ConfigureAwait(false);
                if (delivery is null)
                {
                    await Task.Delay(20, stop).ConfigureAwait(false);
                    continue;
                }

                var received = ReceivedOrderEvent.From(delivery);
                lock (_received)
                {
                    _received.Add(received);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The broker went away: read again through a new connection once it is back.
                await DisposeQuietlyAsync(channel, connection).ConfigureAwait(false);
                (channel, connection) = (null, null);
                await Task.Delay(200, CancellationToken.None).ConfigureAwait(false);
            }
        }

        await DisposeQuietlyAsync(channel, connection).ConfigureAwait(false);
    }

    private static async Task DisposeQuietlyAsync(params IAsyncDisposable?[] disposables)
    {
        foreach (var disposable in disposables)
        {
            try
            {
                if (disposable is not null)
                {
                    await disposable.DisposeAsync().ConfigureAwait(false);
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Already broken.
            }
        }
    }
}

/// <summary>One delivery as a consumer sees it: the AMQP properties the relay sets and the CloudEvents envelope.</summary>
public sealed record ReceivedOrderEvent(string RoutingKey, string? MessageId, string? ContentType, bool Persistent, string Body)
{
    /// <summary>The envelope's <c>id</c>.</summary>
    public string Id => Envelope.RootElement.GetProperty("id").GetString()!;

    /// <summary>The envelope's <c>type</c>.</summary>
    public string Type => Envelope.RootElement.GetProperty("type").GetString()!;

    public JsonDocument Envelope => JsonDocument.Parse(Body);

    internal static ReceivedOrderEvent From(BasicGetResult delivery) =>
        new(
            delivery.RoutingKey,
            delivery.BasicProperties.MessageId,
            delivery.BasicProperties.ContentType,
            delivery.BasicProperties.Persistent,
            Encoding.UTF8.GetString(delivery.Body.Span));
}
