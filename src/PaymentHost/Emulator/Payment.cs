namespace Orders.PaymentHost.Emulator;

/// <summary>One charge at the emulated provider; immutable, so a refund yields a new version of it.</summary>
public sealed record Payment
{
    private Payment(ChargeAttempt attempt, PaymentStatus status, string declineReason)
    {
        Attempt = attempt;
        Status = status;
        DeclineReason = declineReason;
    }

    public ChargeAttempt Attempt { get; }

    public string PaymentId => Attempt.PaymentId;

    public PaymentStatus Status { get; private init; }

    /// <summary>Why the payment was declined; empty otherwise.</summary>
    public string DeclineReason { get; }

    public static Payment Approve(ChargeAttempt attempt) => new(attempt, PaymentStatus.Approved, string.Empty);

    public static Payment Decline(ChargeAttempt attempt, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new Payment(attempt, PaymentStatus.Declined, reason);
    }

    /// <summary>Only an approved payment changes; refunding a refunded or declined one is a no-op.</summary>
    public Payment Refund() => Status == PaymentStatus.Approved ? this with { Status = PaymentStatus.Refunded } : this;

    /// <summary>A replay must carry the same order, user, amount and currency as the first charge.</summary>
    public bool IsReplayOf(ChargeAttempt attempt) => Attempt == attempt;
}
