namespace Orders.Contracts.Hosting;

/// <summary>A cheap question to a store a host needs (open a connection, ping), asked before the host starts.</summary>
public abstract class StartupProbe
{
    public abstract StartupDependency Dependency { get; }

    /// <summary>Succeeds when the store answers; throws otherwise.</summary>
    public abstract Task ProbeAsync(CancellationToken cancellationToken);

    /// <summary>Whether the exception means "not there (yet)"; any other exception is a bug and propagates.</summary>
    public abstract bool IsUnreachable(Exception exception);
}
