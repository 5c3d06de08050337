using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orders.PaymentHost.Configuration;
using Orders.PaymentHost.Emulator;

namespace Orders.PaymentHost.Tests.Emulator;

/// <summary>Builds the emulator's parts the way the host wires them, with quiet logs.</summary>
internal static class Emulated
{
    public const decimal Limit = 5000.00m;

    public static InMemoryPaymentProvider Provider() =>
        new(new DeclineRules(Options.Create(new PaymentOptions { DeclineAbove = Limit })), NullLogger<InMemoryPaymentProvider>.Instance);

    public static FaultInjectingPaymentProvider WithFaults(IPaymentProvider inner, FaultOptions faults) =>
        new(
            inner,
            Options.Create(new PaymentOptions { DeclineAbove = Limit, Faults = faults }),
            TimeProvider.System,
            NullLogger<FaultInjectingPaymentProvider>.Instance);

    public static ChargeAttempt Attempt(
        string? paymentId = null,
        decimal amount = 120.50m,
        string currency = "EUR",
        string orderId = "order-1",
        string userId = "user-1") =>
        new(paymentId ?? $"pay-{Guid.NewGuid():N}", orderId, userId, amount, currency);
}
