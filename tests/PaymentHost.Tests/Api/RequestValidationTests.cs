using Grpc.Core;
using Orders.Contracts.Common.V1;
using Orders.Contracts.Payment.V1;
using Orders.PaymentHost.Api;

namespace Orders.PaymentHost.Tests.Api;

public sealed class RequestValidationTests
{
    private static readonly string TooLongId = new('x', RequestValidation.MaxIdLength + 1);

    private static IEnumerable<TestCaseData> InvalidCharges()
    {
        yield return Case("empty payment id", r => r.PaymentId = "", "payment_id");
        yield return Case("blank order id", r => r.OrderId = "  ", "order_id");
        yield return Case("empty user id", r => r.UserId = "", "user_id");
        yield return Case("payment id over 64 characters", r => r.PaymentId = TooLongId, "payment_id");
        yield return Case("missing amount", r => r.Amount = null, "amount");
        yield return Case("negative amount", r => r.Amount = Money.FromDecimal(-1m, "EUR"), "amount");
        yield return Case("zero amount", r => r.Amount = Money.FromDecimal(0m, "EUR"), "amount");
        yield return Case("lower-case currency", r => r.Amount = Money.FromDecimal(1m, "eur"), "currency_code");
        yield return Case("four-letter currency", r => r.Amount = Money.FromDecimal(1m, "EURO"), "currency_code");
        yield return Case("nanos with the wrong sign", r => r.Amount = new Money { CurrencyCode = "EUR", Units = 1, Nanos = -5 }, "nanos");
        yield return Case("nanos out of range", r => r.Amount = new Money { CurrencyCode = "EUR", Units = 1, Nanos = 1_000_000_000 }, "nanos");
    }

    [TestCaseSource(nameof(InvalidCharges))]
    public void Charge_with_bad_input_is_an_invalid_argument_naming_the_field(Action<ChargeRequest> spoil, string field)
    {
        ArgumentNullException.ThrowIfNull(spoil);
        var request = ValidRequest();
        spoil(request);

        var error = Assert.Throws<RpcException>(() => RequestValidation.ToChargeAttempt(request));

        Assert.That(error.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(error.Status.Detail, Does.Contain(field));
    }

    [Test]
    public void Charge_with_an_id_of_exactly_64_characters_is_accepted()
    {
        var request = ValidRequest();
        request.PaymentId = new string('x', RequestValidation.MaxIdLength);

        var attempt = RequestValidation.ToChargeAttempt(request);

        Assert.That(attempt.PaymentId, Has.Length.EqualTo(RequestValidation.MaxIdLength));
    }

    [Test]
    public void Charge_amount_is_read_exactly_from_units_and_nanos()
    {
        var request = ValidRequest();
        request.Amount = new Money { CurrencyCode = "USD", Units = 12, Nanos = 340_000_000 };

        var attempt = RequestValidation.ToChargeAttempt(request);

        Assert.Multiple(() =>
        {
            Assert.That(attempt.Amount, Is.EqualTo(12.34m));
            Assert.That(attempt.Currency, Is.EqualTo("USD"));
        });
    }

    private static ChargeRequest ValidRequest() => new()
    {
        PaymentId = "pay-1",
        OrderId = "order-1",
        UserId = "user-1",
        Amount = Money.FromDecimal(10m, "EUR"),
    };

    private static TestCaseData Case(string name, Action<ChargeRequest> spoil, string field) =>
        new TestCaseData(spoil, field).SetArgDisplayNames(name);
}
