namespace Orders.WebApi.Security;

/// <summary>The <c>RateLimiting:Orders</c> section: how many orders one caller may place per window.</summary>
public sealed class OrderRateLimitOptions
{
    public const string Section = "RateLimiting:Orders";

    public int PermitLimit { get; set; } = 30;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
