using Orders.Application.Abstractions;
using Orders.Domain.Orders;

namespace Orders.MicroBenchmarks.Fakes;

/// <summary>A payment provider that approves every charge at once, with answers made up front.</summary>
internal sealed class AlwaysApprovingPayment : IPayment
{
    private readonly Task<ChargeOutcome> _approved = Task.FromResult(ChargeOutcome.Approved);
    private readonly Task<StepOutcome> _done = Task.FromResult(StepOutcome.Succeeded);
    private readonly Task<PaymentState> _paid = Task.FromResult(PaymentState.Approved);

    public Task<ChargeOutcome> ChargeAsync(PaymentRequest request, CancellationToken cancellationToken) => _approved;

    public Task<StepOutcome> RefundAsync(OrderId paymentId, CancellationToken cancellationToken) => _done;

    public Task<PaymentState> GetPaymentAsync(OrderId paymentId, CancellationToken cancellationToken) => _paid;
}
