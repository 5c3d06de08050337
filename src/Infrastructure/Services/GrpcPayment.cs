using Grpc.Core;
using Orders.Application.Abstractions;
using Orders.Contracts.Payment.V1;
using Orders.Domain.Orders;

namespace Orders.Infrastructure.Services;

/// <summary>
/// <see cref="IPayment"/> over the Payments gRPC service: each answer, refusal or unanswered call becomes the
/// <see cref="PaymentState"/> it reveals; any other gRPC status (ALREADY_EXISTS for a changed replay, INVALID_ARGUMENT,
/// …) is a bug and is thrown.
/// </summary>
internal sealed class GrpcPayment(Payments.PaymentsClient client, ServiceDeadline deadline) : IPayment
{
    private const string Service = "Payments";
    private const string DeclinedWithoutReason = "The payment was declined.";
    private const string AlreadyRefunded = "The payment was approved earlier and has since been refunded.";

    public async Task<PaymentState> ChargeAsync(PaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var reply = await client.ChargeAsync(request.ToContract(), deadline.For(cancellationToken)).ConfigureAwait(false);
            return reply.Status switch
            {
                // A replayed charge whose money went back: nothing is held, so the order must not be confirmed on it.
                PaymentStatus.Refunded => new PaymentState.Declined(AlreadyRefunded),
                _ => ToState(reply.Status, reply.DeclineReason, request.PaymentId),
            };
        }
        catch (RpcException exception) when (RpcFailure.IsUnavailable(exception))
        {
            return new PaymentState.Unanswered(RpcFailure.Describe(Service, "Charge", exception), MayHaveActed: !RpcFailure.NeverDelivered(exception));
        }
    }

    public Task<PaymentState> RefundAsync(OrderId paymentId, CancellationToken cancellationToken) =>
        CallAsync("Refund", async () =>
        {
            var reply = await client.RefundAsync(new RefundRequest { PaymentId = paymentId.ToContract() }, deadline.For(cancellationToken)).ConfigureAwait(false);
            // NONE: the id was never charged and is now voided, so no charge of it can take money any more.
            return reply.Status == PaymentStatus.None ? new PaymentState.Refunded() : ToState(reply.Status, declineReason: null, paymentId);
        });

    public Task<PaymentState> GetPaymentAsync(OrderId paymentId, CancellationToken cancellationToken) =>
        CallAsync("GetPayment", async () =>
        {
            var reply = await client.GetPaymentAsync(new GetPaymentRequest { PaymentId = paymentId.ToContract() }, deadline.For(cancellationToken)).ConfigureAwait(false);
            return ToState(reply.Status, reply.DeclineReason, paymentId);
        });

    private static PaymentState ToState(PaymentStatus status, string? declineReason, OrderId paymentId) => status switch
    {
        PaymentStatus.Approved => new PaymentState.Approved(),
        PaymentStatus.Declined => new PaymentState.Declined(string.IsNullOrWhiteSpace(declineReason) ? DeclinedWithoutReason : declineReason),
        PaymentStatus.Refunded => new PaymentState.Refunded(),
        PaymentStatus.None => new PaymentState.None(),
        _ => throw new InvalidOperationException($"{Service} replied {status} for payment {paymentId}."),
    };

    private static async Task<PaymentState> CallAsync(string method, Func<Task<PaymentState>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.NotFound)
        {
            return new PaymentState.None();
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.FailedPrecondition)
        {
            return new PaymentState.Refused(RpcFailure.Describe(Service, method, exception));
        }
        catch (RpcException exception) when (RpcFailure.IsUnavailable(exception))
        {
            return new PaymentState.Unanswered(RpcFailure.Describe(Service, method, exception));
        }
    }
}
