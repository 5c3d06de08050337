using Orders.Application.Abstractions;
using Orders.Domain.Orders;

namespace Orders.WebApi.Faults;

/// <summary>
/// Test-only fault (<c>Faults:CrashAfterCharge</c>): kills the process the moment a charge is approved, before the
/// placement can store it, so the end-to-end tests can prove the recovery job finishes such an order.
/// </summary>
internal sealed class CrashAfterChargePayment(IPayment inner) : IPayment
{
    public const string Setting = "Faults:CrashAfterCharge";

    public async Task<PaymentState> ChargeAsync(PaymentRequest request, CancellationToken cancellationToken)
    {
        var outcome = await inner.ChargeAsync(request, cancellationToken);
        if (outcome is PaymentState.Approved)
        {
            Environment.FailFast($"{Setting}: crashing after the approved charge of order {request?.OrderId}.");
        }

        return outcome;
    }

    public Task<PaymentState> RefundAsync(OrderId paymentId, CancellationToken cancellationToken) =>
        inner.RefundAsync(paymentId, cancellationToken);

    public Task<PaymentState> GetPaymentAsync(OrderId paymentId, CancellationToken cancellationToken) =>
        inner.GetPaymentAsync(paymentId, cancellationToken);
}
