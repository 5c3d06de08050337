namespace Orders.WebApi.Operations;

/// <summary>The <c>Shutdown</c> section: how long a stopping instance lets requests in flight finish.</summary>
public sealed class ShutdownOptions
{
    public const string Section = "Shutdown";

    /// <summary>
    /// <c>Shutdown:Timeout</c>: on SIGTERM the instance stops taking requests and waits this long for those in flight;
    /// a saga cut off after that stays pending for the recovery job. Keep it below the orchestrator's kill grace period.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
