using Orders.Application.Abstractions;
using Orders.Domain.Orders;

namespace Orders.MicroBenchmarks.Fakes;

/// <summary>A payment provider that approves every charge at once, with answers made up front.</summary>
internal sealed class AlwaysApprovingPayment : IPayment
{
    private readonly Task<PaymentState> _approved = Task.FromResult<PaymentState>(new PaymentState.Approved());
    private readonly Task<PaymentState> _refunded = Task.FromResult<PaymentState>(new PaymentState.Refunded());

    public Task<PaymentState> ChargeAsync(PaymentRequest request, CancellationToken cancellationToken) => _approved;

    public Task<PaymentState> RefundAsync(OrderId paymentId, CancellationToken cancellationToken) => _refunded;

    public Task<PaymentState> GetPaymentAsync(OrderId paymentId, CancellationToken cancellationToken) => _approved;
}
