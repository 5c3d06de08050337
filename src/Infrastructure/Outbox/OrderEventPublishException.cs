namespace Orders.Infrastructure.Outbox;

/// <summary>The broker did not take an event (unreachable, closed, or it refused it): the row stays pending.</summary>
public sealed class OrderEventPublishException : Exception
{
    public OrderEventPublishException()
    {
    }

    public OrderEventPublishException(string message)
        : base(message)
    {
    }

    public OrderEventPublishException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
