namespace Orders.Application.Abstractions;

/// <summary>The order store can't be reached: infrastructure is broken, not a business outcome.</summary>
public sealed class OrderStoreUnavailableException : Exception
{
    public OrderStoreUnavailableException()
    {
    }

    public OrderStoreUnavailableException(string message)
        : base(message)
    {
    }

    public OrderStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
