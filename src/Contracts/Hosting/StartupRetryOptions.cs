namespace Orders.Contracts.Hosting;

/// <summary>The <c>Startup</c> section: how long a host waits for its stores at start before it gives up.</summary>
public sealed class StartupRetryOptions
{
    public const string Section = "Startup";

    /// <summary><c>Startup:Attempts</c>: tries in all, the first included.</summary>
    public int Attempts { get; set; } = 10;

    /// <summary><c>Startup:Interval</c>: the wait between two tries.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(2);
}
