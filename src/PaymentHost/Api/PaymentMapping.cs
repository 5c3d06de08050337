using Orders.Contracts.Common.V1;
using Emulated = Orders.PaymentHost.Emulator;
using Wire = Orders.Contracts.Payment.V1;

namespace Orders.PaymentHost.Api;

/// <summary>Emulator payments to their wire form.</summary>
public static class PaymentMapping
{
    public static Wire.PaymentStatus ToWire(this Emulated.PaymentStatus status) => status switch
    {
        Emulated.PaymentStatus.Approved => Wire.PaymentStatus.Approved,
        Emulated.PaymentStatus.Declined => Wire.PaymentStatus.Declined,
        Emulated.PaymentStatus.Refunded => Wire.PaymentStatus.Refunded,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown payment status."),
    };

    public static Wire.ChargeReply ToChargeReply(this Emulated.Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return new Wire.ChargeReply { Status = payment.Status.ToWire(), DeclineReason = payment.DeclineReason };
    }

    public static Wire.Payment ToWire(this Emulated.Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var attempt = payment.Attempt;
        return new Wire.Payment
        {
            PaymentId = attempt.PaymentId,
            OrderId = attempt.OrderId,
            UserId = attempt.UserId,
            Amount = Money.FromDecimal(attempt.Amount, attempt.Currency),
            Status = payment.Status.ToWire(),
            DeclineReason = payment.DeclineReason,
        };
    }
}
