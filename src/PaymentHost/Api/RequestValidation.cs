using System.Text.RegularExpressions;
using Grpc.Core;
using Orders.Contracts.Common.V1;
using Orders.Contracts.Payment.V1;
using Orders.PaymentHost.Emulator;

namespace Orders.PaymentHost.Api;

/// <summary>Turns requests into emulator inputs, refusing bad input with INVALID_ARGUMENT that names the field.</summary>
public static partial class RequestValidation
{
    public const int MaxIdLength = 64;

    private const int MaxNanos = 999_999_999;

    public static ChargeAttempt ToChargeAttempt(ChargeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var paymentId = RequireId(request.PaymentId, "payment_id");
        var orderId = RequireId(request.OrderId, "order_id");
        var userId = RequireId(request.UserId, "user_id");
        var (amount, currency) = RequireAmount(request.Amount);
        return new ChargeAttempt(paymentId, orderId, userId, amount, currency);
    }

    public static string RequirePaymentId(string paymentId) => RequireId(paymentId, "payment_id");

    private static string RequireId(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Invalid($"{field} is required.");
        }

        if (value.Length > MaxIdLength)
        {
            throw Invalid($"{field} must be at most {MaxIdLength} characters.");
        }

        return value;
    }

    private static (decimal Amount, string Currency) RequireAmount(Money? money)
    {
        if (money is null)
        {
            throw Invalid("amount is required.");
        }

        if (!CurrencyCode().IsMatch(money.CurrencyCode))
        {
            throw Invalid("amount.currency_code must be 3 upper-case letters (ISO 4217).");
        }

        if (money.Nanos is < -MaxNanos or > MaxNanos
            || (money.Units > 0 && money.Nanos < 0)
            || (money.Units < 0 && money.Nanos > 0))
        {
            throw Invalid("amount.nanos must be within ±999,999,999 and have the sign of amount.units.");
        }

        var amount = money.ToDecimal();
        if (amount <= 0)
        {
            throw Invalid("amount must be greater than 0.");
        }

        return (amount, money.CurrencyCode);
    }

    private static RpcException Invalid(string detail) => new(new Status(StatusCode.InvalidArgument, detail));

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}
