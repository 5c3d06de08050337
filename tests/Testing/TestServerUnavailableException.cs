namespace Orders.Testing;

/// <summary>No test server could be had on this machine; the message says why, for <see cref="Assert.Ignore(string)"/>.</summary>
public sealed class TestServerUnavailableException : Exception
{
    public TestServerUnavailableException()
    {
    }

    public TestServerUnavailableException(string message)
        : base(message)
    {
    }

    public TestServerUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
