using System.Collections.Concurrent;

namespace Orders.PaymentHost.Emulator;

/// <summary>Keeps payments in process memory only (lost on restart), which is acceptable for an emulator.</summary>
public sealed partial class InMemoryPaymentProvider(DeclineRules declineRules, ILogger<InMemoryPaymentProvider> logger)
    : IPaymentProvider
{
    /// <summary>Why a charge is declined when its payment id was refunded before the charge arrived.</summary>
    public const string VoidedReason = "voided: the payment was refunded before the charge arrived";

    private readonly ConcurrentDictionary<string, Payment> _payments = new(StringComparer.Ordinal);

    // Ids refunded before any charge: a compensating refund may overtake a slow charge, which must then not take money.
    private readonly HashSet<string> _voided = new(StringComparer.Ordinal);

    // Charges and refunds decide against both the payments and the tombstones, so they take turns; reads don't wait.
    private readonly Lock _gate = new();

    public Task<ChargeResult> ChargeAsync(ChargeAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        Payment candidate;
        Payment stored;
        lock (_gate)
        {
            candidate = _voided.Contains(attempt.PaymentId)
                ? Payment.Decline(attempt, VoidedReason)
                : declineRules.ReasonToDecline(attempt) is { } reason ? Payment.Decline(attempt, reason) : Payment.Approve(attempt);
            stored = _payments.GetOrAdd(attempt.PaymentId, candidate);
        }

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
        lock (_gate)
        {
            if (!_payments.TryGetValue(paymentId, out var current))
            {
                if (_voided.Add(paymentId))
                {
                    LogVoided(paymentId);
                }

                return Task.FromResult<Payment?>(null);
            }

            var refunded = current.Refund();
            if (!ReferenceEquals(refunded, current))
            {
                _payments[paymentId] = refunded;
                LogRefunded(paymentId);
            }

            return Task.FromResult<Payment?>(refunded);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Refund of unknown payment {PaymentId}: voided, a later charge of it is declined")]
    private partial void LogVoided(string paymentId);
}
