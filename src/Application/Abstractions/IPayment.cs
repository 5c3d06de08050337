using Orders.Domain.Orders;

namespace Orders.Application.Abstractions;

/// <summary>The payment provider. Idempotent by payment id (the order id); each call answers with the payment's state afterwards.</summary>
public interface IPayment
{
    /// <summary><see cref="PaymentState.Approved"/> or <see cref="PaymentState.Declined"/>; a replay answers the first outcome.</summary>
    Task<PaymentState> ChargeAsync(PaymentRequest request, CancellationToken cancellationToken);

    /// <summary>Gives an approved payment back, or voids an id never charged so a late charge is declined.</summary>
    Task<PaymentState> RefundAsync(OrderId paymentId, CancellationToken cancellationToken);

    /// <summary>What the provider holds for the payment id now; for recovery, which must not guess.</summary>
    Task<PaymentState> GetPaymentAsync(OrderId paymentId, CancellationToken cancellationToken);
}
