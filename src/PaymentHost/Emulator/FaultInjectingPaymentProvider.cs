using Microsoft.Extensions.Options;
using Orders.PaymentHost.Configuration;

namespace Orders.PaymentHost.Emulator;

/// <summary>
/// Wraps the provider with the configured faults: latency before every call, failures before Charge or Refund
/// does anything, and lost replies after it has done its work (so retries must rely on idempotency).
/// </summary>
public sealed partial class FaultInjectingPaymentProvider(
    IPaymentProvider inner,
    IOptions<PaymentOptions> options,
    TimeProvider timeProvider,
    ILogger<FaultInjectingPaymentProvider> logger) : IPaymentProvider
{
    private readonly FaultOptions _faults = options.Value.Faults;
    private readonly FaultDice _dice = new(options.Value.Faults.Seed);

    public async Task<ChargeResult> ChargeAsync(ChargeAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        await BeforeCallAsync(nameof(ChargeAsync), attempt.PaymentId, cancellationToken);
        var result = await inner.ChargeAsync(attempt, cancellationToken);
        AfterCall(nameof(ChargeAsync), attempt.PaymentId);
        return result;
    }

    public async Task<Payment?> RefundAsync(string paymentId, CancellationToken cancellationToken)
    {
        await BeforeCallAsync(nameof(RefundAsync), paymentId, cancellationToken);
        var payment = await inner.RefundAsync(paymentId, cancellationToken);
        AfterCall(nameof(RefundAsync), paymentId);
        return payment;
    }

    public async Task<Payment?> FindAsync(string paymentId, CancellationToken cancellationToken)
    {
        await DelayAsync(cancellationToken);
        return await inner.FindAsync(paymentId, cancellationToken);
    }

    private async Task BeforeCallAsync(string operation, string paymentId, CancellationToken cancellationToken)
    {
        await DelayAsync(cancellationToken);
        if (_dice.Hits(_faults.FailureRate))
        {
            LogInjectedFailure(operation, paymentId);
            throw new PaymentProviderUnavailableException($"Injected fault: {operation} failed before doing anything.");
        }
    }

    private void AfterCall(string operation, string paymentId)
    {
        if (_dice.Hits(_faults.LostReplyRate))
        {
            LogInjectedLostReply(operation, paymentId);
            throw new PaymentProviderUnavailableException($"Injected fault: the reply of {operation} was lost.");
        }
    }

    private Task DelayAsync(CancellationToken cancellationToken) =>
        _faults.Latency > TimeSpan.Zero ? Task.Delay(_faults.Latency, timeProvider, cancellationToken) : Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Injected failure: {Operation} of payment {PaymentId} not done")]
    private partial void LogInjectedFailure(string operation, string paymentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Injected lost reply: {Operation} of payment {PaymentId} done, reply dropped")]
    private partial void LogInjectedLostReply(string operation, string paymentId);
}
