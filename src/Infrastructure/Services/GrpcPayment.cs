using Grpc.Core;
using Mapster;
using Orders.Application.Abstractions;
using Orders.Contracts.Payment.V1;
using Orders.Domain.Orders;

namespace Orders.Infrastructure.Services;

/// <summary>
/// <see cref="IPayment"/> over the Payments gRPC service. Declines and unanswered calls become outcomes;
/// any other gRPC status (ALREADY_EXISTS for a changed replay, INVALID_ARGUMENT, …) is a bug and is thrown.
/// </summary>
internal sealed class GrpcPayment(Payments.PaymentsClient client, ServiceDeadline deadline, TypeAdapterConfig mapping) : IPayment
{
    private const string Service = "Payments";
    private const string DeclinedWithoutReason = "The payment was declined.";
    private const string AlreadyRefunded = "The payment was approved earlier and has since been refunded.";

    public async Task<ChargeOutcome> ChargeAsync(PaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var reply = await client.ChargeAsync(request.Adapt<ChargeRequest>(mapping), deadline.For(cancellationToken)).ConfigureAwait(false);
            return reply.Status switch
            {
                PaymentStatus.Approved => ChargeOutcome.Approved,
                PaymentStatus.Declined => new ChargeOutcome.Declined(
                    string.IsNullOrWhiteSpace(reply.DeclineReason) ? DeclinedWithoutReason : reply.DeclineReason),
                // A replayed charge whose money went back: nothing is held, so the order must not be confirmed on it.
                PaymentStatus.Refunded => new ChargeOutcome.Declined(AlreadyRefunded),
                _ => throw new InvalidOperationException($"{Service}.Charge replied {reply.Status} for payment {request.PaymentId}."),
            };
        }
        catch (RpcException exception) when (RpcFailure.IsUnavailable(exception))
        {
            return new ChargeOutcome.Unavailable(
                RpcFailure.Describe(Service, "Charge", exception), MayHaveCharged: !RpcFailure.NeverDelivered(exception));
        }
    }

    public Task<StepOutcome> RefundAsync(OrderId paymentId, CancellationToken cancellationToken) =>
        RemoteStep.RunAsync(
            Service,
            "Refund",
            async () => await client.RefundAsync(new RefundRequest { PaymentId = paymentId.Adapt<string>(mapping) }, deadline.For(cancellationToken)).ConfigureAwait(false),
            StatusCode.FailedPrecondition);

    public async Task<PaymentState> GetPaymentAsync(OrderId paymentId, CancellationToken cancellationToken)
    {
        try
        {
            var request = new GetPaymentRequest { PaymentId = paymentId.Adapt<string>(mapping) };
            var reply = await client.GetPaymentAsync(request, deadline.For(cancellationToken)).ConfigureAwait(false);
            return reply.Status switch
            {
                PaymentStatus.Approved => PaymentState.Approved,
                PaymentStatus.Declined => new PaymentState.Declined(
                    string.IsNullOrWhiteSpace(reply.DeclineReason) ? DeclinedWithoutReason : reply.DeclineReason),
                PaymentStatus.Refunded => PaymentState.Refunded,
                PaymentStatus.None => PaymentState.None,
                _ => throw new InvalidOperationException($"{Service}.GetPayment replied {reply.Status} for payment {paymentId}."),
            };
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.NotFound)
        {
            return PaymentState.None;
        }
        catch (RpcException exception) when (RpcFailure.IsUnavailable(exception))
        {
            return new PaymentState.Unavailable(RpcFailure.Describe(Service, "GetPayment", exception));
        }
    }
}
