namespace Orders.Infrastructure.Outbox;

/// <summary>
/// One order event waiting to be published, stored in the same transaction as the order change it tells of.
/// <see cref="SentAt"/> is set once the broker confirmed it; sent rows are deleted after a while.
/// </summary>
public sealed class OutboxMessage
{
    public OutboxMessage(Guid id, Guid orderId, string type, string envelope, DateTimeOffset createdAt)
    {
        Id = id;
        OrderId = orderId;
        Type = type;
        Envelope = envelope;
        CreatedAt = createdAt;
    }

    /// <summary>The event's CloudEvents <c>id</c>: consumers de-duplicate by it.</summary>
    public Guid Id { get; private set; }

    public Guid OrderId { get; private set; }

    /// <summary>The CloudEvents <c>type</c> (<c>order.confirmed</c>), also the routing key.</summary>
    public string Type { get; private set; }

    /// <summary>The whole CloudEvents 1.0 JSON envelope, as published.</summary>
    public string Envelope { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }
}
