namespace Orders.Application.Abstractions;

/// <summary>The outcome of an idempotent step (release, commit, refund) asked of a dependency.</summary>
public abstract record StepOutcome
{
    public static readonly StepOutcome Succeeded = new Done();

    private StepOutcome()
    {
    }

    public sealed record Done : StepOutcome;

    /// <summary>The dependency did not answer in time or is down; the step may or may not have happened.</summary>
    public sealed record Unavailable(string Reason) : StepOutcome;

    /// <summary>The dependency refused: the thing is already in a state the step can't leave (release after commit).</summary>
    public sealed record Refused(string Reason) : StepOutcome;
}
