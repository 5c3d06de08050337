using Orders.Domain.Orders;

namespace Orders.Application.Abstractions;

/// <summary>The payment provider. Idempotent by payment id (the order id).</summary>
public interface IPayment
{
    Task<ChargeOutcome> ChargeAsync(PaymentRequest request, CancellationToken cancellationToken);

    /// <summary>Gives an approved payment back; a no-op when there is nothing to refund.</summary>
    Task<StepOutcome> RefundAsync(OrderId paymentId, CancellationToken cancellationToken);

    /// <summary>What the provider holds for the payment id now; for recovery, which must not guess.</summary>
    Task<PaymentState> GetPaymentAsync(OrderId paymentId, CancellationToken cancellationToken);
}
