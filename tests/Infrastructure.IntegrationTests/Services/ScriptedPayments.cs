using System.Collections.Concurrent;
using Grpc.Core;
using Orders.Contracts.Payment.V1;

namespace Orders.Infrastructure.IntegrationTests.Services;

/// <summary>A Payments service that answers each call as the test scripted it and remembers what it was asked.</summary>
internal sealed class ScriptedPayments : Payments.PaymentsBase
{
    public Func<ChargeRequest, ServerCallContext, Task<ChargeReply>> OnCharge { get; set; } =
        (_, _) => Task.FromResult(new ChargeReply { Status = PaymentStatus.Approved });

    public Func<RefundRequest, Task<RefundReply>> OnRefund { get; set; } =
        _ => Task.FromResult(new RefundReply { Status = PaymentStatus.Refunded });

    public Func<GetPaymentRequest, Task<Payment>> OnGetPayment { get; set; } =
        request => throw new RpcException(new Status(StatusCode.NotFound, $"Payment {request.PaymentId} does not exist."));

    public ConcurrentQueue<ChargeRequest> Charges { get; } = new();

    public ConcurrentQueue<string> Refunds { get; } = new();

    public override Task<ChargeReply> Charge(ChargeRequest request, ServerCallContext context)
    {
        Charges.Enqueue(request);
        return OnCharge(request, context);
    }

    public override Task<RefundReply> Refund(RefundRequest request, ServerCallContext context)
    {
        Refunds.Enqueue(request.PaymentId);
        return OnRefund(request);
    }

    public override Task<Payment> GetPayment(GetPaymentRequest request, ServerCallContext context) => OnGetPayment(request);
}
