namespace Orders.Infrastructure.Services;

/// <summary>The <c>Services</c> section: where the Inventory and Payment services listen and how long a call may take.</summary>
public sealed class ServicesOptions
{
    public const string Section = "Services";

    public ServiceEndpoint Inventory { get; set; } = new() { Address = "http://localhost:5001" };

    public ServiceEndpoint Payment { get; set; } = new() { Address = "http://localhost:5002" };

    /// <summary><c>Services:Deadline</c>: the most one call (retries included) may take.</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(2);
}
