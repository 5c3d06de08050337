using RabbitMQ.Client;

namespace Orders.Testing;

/// <summary>
/// One RabbitMQ broker for the whole test run, started on first use: a Testcontainers container when a Docker engine
/// answers, else a throwaway local node (Debian's rabbitmq-server) on free ports with its data in a temp folder.
/// The broker's application can be stopped and started again, for tests of an outage.
/// </summary>
public sealed class RabbitMqServer
{
    private static readonly Lazy<Task<RabbitMqServer>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(2);

    private readonly Func<string, Task> _control;

    private RabbitMqServer(Uri amqpUri, string origin, Func<string, Task> control)
    {
        AmqpUri = amqpUri;
        Origin = origin;
        _control = control;
    }

    /// <summary>An AMQP URI with credentials that may publish, declare and consume on the default virtual host.</summary>
    public Uri AmqpUri { get; }

    /// <summary>Where the broker came from, for test output: container or local.</summary>
    public string Origin { get; }

    public static Task<RabbitMqServer> GetAsync() => Shared.Value;

    /// <summary>The run's broker, or <see cref="Assert.Ignore(string)"/> with the reason none could be had.</summary>
    public static async Task<RabbitMqServer> GetOrIgnoreAsync()
    {
        try
        {
            return await GetAsync().ConfigureAwait(false);
        }
        catch (TestServerUnavailableException exception)
        {
            Assert.Ignore(exception.Message);
            throw;
        }
    }

    /// <summary>Stops the broker's application (<c>rabbitmqctl stop_app</c>): connections drop, the port refuses, durable state stays.</summary>
    public Task StopAppAsync() => _control("stop_app");

    /// <summary>Starts the application again and returns once it accepts AMQP connections.</summary>
    public async Task StartAppAsync()
    {
        await _control("start_app").ConfigureAwait(false);
        await WaitUntilAcceptingAsync(AmqpUri, ReadyTimeout).ConfigureAwait(false);
    }

    internal static async Task WaitUntilAcceptingAsync(Uri amqpUri, TimeSpan timeout)
    {
        var factory = new ConnectionFactory { Uri = amqpUri, RequestedConnectionTimeout = TimeSpan.FromSeconds(5), AutomaticRecoveryEnabled = false };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                var connection = await factory.CreateConnectionAsync().ConfigureAwait(false);
                await connection.DisposeAsync().ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (DateTime.UtcNow < deadline && exception is not OutOfMemoryException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250)).ConfigureAwait(false);
            }
        }
    }

    private static async Task<RabbitMqServer> StartAsync()
    {
        var reasons = new List<string>();

        var container = await RabbitMqContainer.TryStartAsync(reasons).ConfigureAwait(false);
        if (container is not null)
        {
            return new RabbitMqServer(container.Value.AmqpUri, "container", container.Value.Control);
        }

        var local = await LocalRabbitMq.TryStartAsync(reasons, ReadyTimeout).ConfigureAwait(false);
        if (local is not null)
        {
            return new RabbitMqServer(local.AmqpUri, "local", local.ControlAsync);
        }

        throw new TestServerUnavailableException($"No RabbitMQ broker for the tests: {string.Join("; ", reasons)}.");
    }
}
