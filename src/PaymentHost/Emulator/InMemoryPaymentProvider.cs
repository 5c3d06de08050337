using System.Collections.Concurrent;

namespace Orders.PaymentHost.Emulator;

/// <summary>Keeps payments in process memory only (lost on restart), which is acceptable for an emulator.</summary>
public sealed partial class InMemoryPaymentProvider(DeclineRules declineRules, ILogger<InMemoryPaymentProvider> logger)
    : IPaymentProvider
{
    private readonly ConcurrentDictionary<string, Payment> _payments = new(StringComparer.Ordinal);

    public Task<ChargeResult> ChargeAsync(ChargeAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var reason = declineRules.ReasonToDecline(attempt);
        var candidate = reason is null ? Payment.Approve(attempt) : Payment.Decline(attempt, reason);

        // GetOrAdd stores one payment per id however many charges race; only the winner's candidate is kept.
        var stored = _payments.GetOrAdd(attempt.PaymentId, candidate);
        if (ReferenceEquals(stored, candidate))
        {
            LogCharged(attempt.PaymentId, attempt.OrderId, stored.Status);
            return Task.FromResult<ChargeResult>(new ChargeResult.Accepted(stored, IsReplay: false));
        }

        if (!stored.IsReplayOf(attempt))
        {
            LogConflict(attempt.PaymentId, stored.Attempt.OrderId, attempt.OrderId);
            return Task.FromResult<ChargeResult>(new ChargeResult.Conflict(stored));
        }

        LogReplayed(attempt.PaymentId, stored.Status);
        return Task.FromResult<ChargeResult>(new ChargeResult.Accepted(stored, IsReplay: true));
    }

    public Task<Payment?> RefundAsync(string paymentId, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (!_payments.TryGetValue(paymentId, out var current))
            {
                LogRefundOfUnknown(paymentId);
                return Task.FromResult<Payment?>(null);
            }

            var refunded = current.Refund();
            if (ReferenceEquals(refunded, current))
            {
                return Task.FromResult<Payment?>(current);
            }

            // Compare-and-swap: a concurrent refund that got there first makes this loop see it refunded.
            if (_payments.TryUpdate(paymentId, refunded, current))
            {
                LogRefunded(paymentId);
                return Task.FromResult<Payment?>(refunded);
            }
        }
    }

    public Task<Payment?> FindAsync(string paymentId, CancellationToken cancellationToken) =>
        Task.FromResult(_payments.GetValueOrDefault(paymentId));

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment {PaymentId} for order {OrderId} charged: {Status}")]
    private partial void LogCharged(string paymentId, string orderId, PaymentStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment {PaymentId} replayed: {Status}, nothing charged")]
    private partial void LogReplayed(string paymentId, PaymentStatus status);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Payment {PaymentId} of order {ExistingOrderId} reused with other details (order {OrderId})")]
    private partial void LogConflict(string paymentId, string existingOrderId, string orderId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment {PaymentId} refunded")]
    private partial void LogRefunded(string paymentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refund of unknown payment {PaymentId}: nothing to refund")]
    private partial void LogRefundOfUnknown(string paymentId);
}
