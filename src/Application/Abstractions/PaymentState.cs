namespace Orders.Application.Abstractions;

/// <summary>
/// What the payment provider holds for an order's payment: the answer of every <see cref="IPayment"/> call, and what
/// the placement policy knows of it between calls. The names are the provider's own (payment.proto).
/// </summary>
public abstract record PaymentState
{
    private PaymentState()
    {
    }

    /// <summary>Nobody asked the provider yet, so nothing is charged.</summary>
    public sealed record NotAsked : PaymentState;

    /// <summary>The provider was asked but its answer is not known: the money may or may not be taken.</summary>
    public sealed record Unknown : PaymentState;

    /// <summary>The money is taken.</summary>
    public sealed record Approved : PaymentState;

    public sealed record Declined(string Reason) : PaymentState;

    /// <summary>Nothing is taken and nothing can be: the money went back, or the id was voided before any charge.</summary>
    public sealed record Refunded : PaymentState;

    /// <summary>The provider never charged this id (a charge may still be on its way).</summary>
    public sealed record None : PaymentState;

    /// <summary>The provider refused the step, and what it holds instead is not certain.</summary>
    public sealed record Refused(string Reason) : PaymentState;

    /// <summary>
    /// The provider did not answer. <paramref name="MayHaveActed"/> is false only when the request certainly never
    /// reached it (the connection was refused); otherwise the step may have happened.
    /// </summary>
    public sealed record Unanswered(string Reason, bool MayHaveActed = true) : PaymentState;
}
