namespace Orders.Application.Abstractions;

public abstract record ChargeOutcome
{
    public static readonly ChargeOutcome Approved = new Approval();

    private ChargeOutcome()
    {
    }

    public sealed record Approval : ChargeOutcome;

    public sealed record Declined(string Reason) : ChargeOutcome;

    /// <summary>The provider did not answer; the payment may or may not have been taken.</summary>
    public sealed record Unavailable(string Reason) : ChargeOutcome;
}
