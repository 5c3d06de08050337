namespace Orders.PaymentHost.Emulator;

/// <summary>An injected fault: the provider did not answer. Callers cannot tell whether the call took effect.</summary>
public sealed class PaymentProviderUnavailableException : Exception
{
    public PaymentProviderUnavailableException()
        : this("The payment provider is unavailable.")
    {
    }

    public PaymentProviderUnavailableException(string message)
        : base(message)
    {
    }

    public PaymentProviderUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
