using Grpc.Core;
using Orders.Contracts.Payment.V1;
using Orders.PaymentHost.Emulator;
using Payment = Orders.Contracts.Payment.V1.Payment;
using PaymentStatus = Orders.Contracts.Payment.V1.PaymentStatus;

namespace Orders.PaymentHost.Api;

/// <summary>The Payments gRPC service: validates, asks the emulated provider, and maps outcomes to replies.</summary>
public sealed class PaymentsService(IPaymentProvider provider) : Payments.PaymentsBase
{
    public override async Task<ChargeReply> Charge(ChargeRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var attempt = RequestValidation.ToChargeAttempt(request);
        var result = await WhenAvailable(provider.ChargeAsync(attempt, context.CancellationToken));
        return result switch
        {
            ChargeResult.Accepted accepted => accepted.Payment.ToChargeReply(),
            ChargeResult.Conflict => throw new RpcException(new Status(
                StatusCode.AlreadyExists,
                $"Payment {attempt.PaymentId} was already charged with another order, user, amount or currency.")),
            _ => throw new InvalidOperationException($"Unhandled charge result {result.GetType().Name}."),
        };
    }

    public override async Task<RefundReply> Refund(RefundRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var paymentId = RequestValidation.RequirePaymentId(request.PaymentId);
        var payment = await WhenAvailable(provider.RefundAsync(paymentId, context.CancellationToken));
        return new RefundReply { Status = payment?.Status.ToWire() ?? PaymentStatus.None };
    }

    public override async Task<Payment> GetPayment(GetPaymentRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var paymentId = RequestValidation.RequirePaymentId(request.PaymentId);
        var payment = await WhenAvailable(provider.FindAsync(paymentId, context.CancellationToken))
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"Payment {paymentId} does not exist."));
        return payment.ToWire();
    }

    private static async Task<T> WhenAvailable<T>(Task<T> call)
    {
        try
        {
            return await call;
        }
        catch (PaymentProviderUnavailableException exception)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, exception.Message));
        }
    }
}
