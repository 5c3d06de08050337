namespace Orders.PaymentHost.Emulator;

/// <summary>The payment provider as the gRPC service sees it. Charge and Refund are idempotent by payment id.</summary>
public interface IPaymentProvider
{
    Task<ChargeResult> ChargeAsync(ChargeAttempt attempt, CancellationToken cancellationToken);

    /// <summary>The payment after the refund, or null when the id was never charged.</summary>
    Task<Payment?> RefundAsync(string paymentId, CancellationToken cancellationToken);

    Task<Payment?> FindAsync(string paymentId, CancellationToken cancellationToken);
}
