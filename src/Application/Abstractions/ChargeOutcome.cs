namespace Orders.Application.Abstractions;

public abstract record ChargeOutcome
{
    public static readonly ChargeOutcome Approved = new Approval();

    private ChargeOutcome()
    {
    }

    public sealed record Approval : ChargeOutcome;

    public sealed record Declined(string Reason) : ChargeOutcome;

    /// <summary>
    /// The provider did not answer. <paramref name="MayHaveCharged"/> is false only when the request certainly never
    /// reached it (the connection was refused); otherwise the payment may have been taken and must be refunded.
    /// </summary>
    public sealed record Unavailable(string Reason, bool MayHaveCharged = true) : ChargeOutcome;
}
