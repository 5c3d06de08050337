namespace Orders.PaymentHost.Emulator;

/// <summary>What a charge came to: a payment (new or replayed, approved or declined) or a conflicting reuse of its id.</summary>
public abstract record ChargeResult
{
    private ChargeResult()
    {
    }

    /// <param name="Payment">The payment as it is now: a replay after a refund sees it refunded.</param>
    /// <param name="IsReplay">True when the payment id was charged before and nothing new happened.</param>
    public sealed record Accepted(Payment Payment, bool IsReplay) : ChargeResult;

    /// <summary>The payment id was already charged for another order, user, amount or currency.</summary>
    public sealed record Conflict(Payment Existing) : ChargeResult;
}
