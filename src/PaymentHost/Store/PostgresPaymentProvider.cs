using Npgsql;
using Orders.PaymentHost.Emulator;

namespace Orders.PaymentHost.Store;

/// <summary>
/// The emulated provider over its PostgreSQL table: payments and voided ids outlive the process, and every instance
/// sharing the database sees the same ones. Charge and Refund are each one statement (see <see cref="PaymentsTable"/>).
/// </summary>
public sealed partial class PostgresPaymentProvider(
    NpgsqlDataSource database,
    DeclineRules declineRules,
    ILogger<PostgresPaymentProvider> logger) : IPaymentProvider
{
    /// <summary>Why a charge is declined when its payment id was refunded before the charge arrived.</summary>
    public const string VoidedReason = "voided: the payment was refunded before the charge arrived";

    public Task<ChargeResult> ChargeAsync(ChargeAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return StoreFailures.UnavailableWhenUnreachable(async () =>
        {
            var reason = declineRules.ReasonToDecline(attempt);
            var created = await SingleAsync(
                PaymentsTable.Charge,
                cancellationToken,
                attempt.PaymentId,
                attempt.OrderId,
                attempt.UserId,
                attempt.Amount,
                attempt.Currency,
                reason is null ? PaymentsTable.Approved : PaymentsTable.Declined,
                reason ?? string.Empty,
                VoidedReason);
            if (created is not null)
            {
                LogCharged(attempt.PaymentId, attempt.OrderId, created.Status);
                return (ChargeResult)new ChargeResult.Accepted(created, IsReplay: false);
            }

            var stored = await SingleAsync(PaymentsTable.Find, cancellationToken, attempt.PaymentId)
                ?? throw new InvalidOperationException($"Payment {attempt.PaymentId} conflicted on insert but is neither stored nor voided.");
            if (!stored.IsReplayOf(attempt))
            {
                LogConflict(attempt.PaymentId, stored.Attempt.OrderId, attempt.OrderId);
                return new ChargeResult.Conflict(stored);
            }

            LogReplayed(attempt.PaymentId, stored.Status);
            return new ChargeResult.Accepted(stored, IsReplay: true);
        });
    }

    public Task<Payment?> RefundAsync(string paymentId, CancellationToken cancellationToken) =>
        StoreFailures.UnavailableWhenUnreachable(async () =>
        {
            var changed = await ReadAsync(PaymentsTable.Refund, cancellationToken, paymentId);
            switch (changed)
            {
                case StoredRow.Tombstone:
                    LogVoided(paymentId);
                    return null;
                case StoredRow.Charged charged:
                    LogRefunded(paymentId);
                    return charged.Payment;
                default:
                    return await SingleAsync(PaymentsTable.Find, cancellationToken, paymentId);
            }
        });

    public Task<Payment?> FindAsync(string paymentId, CancellationToken cancellationToken) =>
        StoreFailures.UnavailableWhenUnreachable(() => SingleAsync(PaymentsTable.Find, cancellationToken, paymentId));

    /// <summary>The payment in the statement's one row; null when there is no row or it is a tombstone.</summary>
    private async Task<Payment?> SingleAsync(string sql, CancellationToken cancellationToken, params object[] parameters) =>
        await ReadAsync(sql, cancellationToken, parameters) is StoredRow.Charged charged ? charged.Payment : null;

    private async Task<StoredRow?> ReadAsync(string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = database.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? StoredRow.From(reader) : null;
    }

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
