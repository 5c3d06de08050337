namespace Orders.Application.Abstractions;

/// <summary>What the payment provider holds for a payment id, as the recovery job needs to know it.</summary>
public abstract record PaymentState
{
    public static readonly PaymentState Approved = new Approval();
    public static readonly PaymentState Refunded = new Refund();
    public static readonly PaymentState None = new NotCharged();

    private PaymentState()
    {
    }

    /// <summary>The money is taken.</summary>
    public sealed record Approval : PaymentState;

    public sealed record Declined(string Reason) : PaymentState;

    /// <summary>The money was taken and given back.</summary>
    public sealed record Refund : PaymentState;

    /// <summary>The provider never charged this id (a charge may still be on its way).</summary>
    public sealed record NotCharged : PaymentState;

    /// <summary>The provider did not answer.</summary>
    public sealed record Unavailable(string Reason) : PaymentState;
}
