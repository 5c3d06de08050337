namespace Orders.Infrastructure.Services;

public sealed class ServiceEndpoint
{
    /// <summary>The service's base address, e.g. <c>http://localhost:5001</c> (plain HTTP/2) or an https address.</summary>
    public string Address { get; set; } = "";

    internal Uri Uri => new(Address, UriKind.Absolute);
}
