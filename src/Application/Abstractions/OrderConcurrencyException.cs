namespace Orders.Application.Abstractions;

/// <summary>The order was changed by someone else since it was read; the write was not applied.</summary>
public sealed class OrderConcurrencyException : Exception
{
    public OrderConcurrencyException()
    {
    }

    public OrderConcurrencyException(string message)
        : base(message)
    {
    }

    public OrderConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
