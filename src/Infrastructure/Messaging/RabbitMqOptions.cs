namespace Orders.Infrastructure.Messaging;

/// <summary>The <c>RabbitMq</c> section: the broker order events are published to. Without it, events stay in the outbox.</summary>
public sealed class RabbitMqOptions
{
    public const string Section = "RabbitMq";

    /// <summary><c>RabbitMq:Uri</c>: an AMQP URI, <c>amqp://user:password@host:5672/vhost</c>.</summary>
    public string Uri { get; set; } = "";

    /// <summary><c>RabbitMq:Exchange</c>: the topic exchange; the routing key is the event type.</summary>
    public string Exchange { get; set; } = "orders";

    /// <summary><c>RabbitMq:ConnectTimeout</c>: how long a connection attempt may take before the relay backs off.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary><c>RabbitMq:PublishTimeout</c>: how long to wait for the broker to confirm a message.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
