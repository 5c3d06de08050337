using System.Globalization;
using Microsoft.Extensions.Options;
using Orders.PaymentHost.Configuration;

namespace Orders.PaymentHost.Emulator;

/// <summary>The emulated issuer's reasons to refuse a charge.</summary>
public sealed class DeclineRules(IOptions<PaymentOptions> options)
{
    /// <summary>Users whose id starts with this are always declined, so callers can exercise the declined path.</summary>
    public const string DeclinedUserPrefix = "declined-";

    /// <summary>The reason to decline <paramref name="attempt"/>, or null when it is approved.</summary>
    public string? ReasonToDecline(ChargeAttempt attempt)
    {
        var limit = options.Value.DeclineAbove;
        if (attempt.Amount > limit)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"The amount {attempt.Amount} {attempt.Currency} is above the limit of {limit}.");
        }

        if (attempt.UserId.StartsWith(DeclinedUserPrefix, StringComparison.Ordinal))
        {
            return "The card issuer declined the payment.";
        }

        return null;
    }
}
