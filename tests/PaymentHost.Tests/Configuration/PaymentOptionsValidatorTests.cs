using Orders.PaymentHost.Configuration;

namespace Orders.PaymentHost.Tests.Configuration;

public sealed class PaymentOptionsValidatorTests
{
    private readonly PaymentOptionsValidator _validator = new();

    [Test]
    public void Defaults_are_valid_and_inject_no_faults()
    {
        var options = new PaymentOptions();

        var result = _validator.Validate(name: null, options);

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True, result.FailureMessage);
            Assert.That(options.Faults.FailureRate, Is.Zero);
            Assert.That(options.Faults.LostReplyRate, Is.Zero);
            Assert.That(options.Faults.Latency, Is.EqualTo(TimeSpan.Zero));
        });
    }

    [Test]
    public void A_failure_rate_of_one_and_a_half_is_rejected_naming_the_setting()
    {
        var options = new PaymentOptions { Faults = new FaultOptions { FailureRate = 1.5 } };

        var result = _validator.Validate(name: null, options);

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("Payment:Faults:FailureRate").And.Contain("1.5"));
    }

    [Test]
    public void A_negative_lost_reply_rate_is_rejected_naming_the_setting()
    {
        var options = new PaymentOptions { Faults = new FaultOptions { LostReplyRate = -0.1 } };

        var result = _validator.Validate(name: null, options);

        Assert.That(result.FailureMessage, Does.Contain("Payment:Faults:LostReplyRate"));
    }

    [Test]
    public void A_negative_latency_is_rejected_naming_the_setting()
    {
        var options = new PaymentOptions { Faults = new FaultOptions { Latency = TimeSpan.FromSeconds(-1) } };

        var result = _validator.Validate(name: null, options);

        Assert.That(result.FailureMessage, Does.Contain("Payment:Faults:Latency"));
    }

    [Test]
    public void A_decline_limit_of_zero_is_rejected_naming_the_setting()
    {
        var options = new PaymentOptions { DeclineAbove = 0 };

        var result = _validator.Validate(name: null, options);

        Assert.That(result.FailureMessage, Does.Contain("Payment:DeclineAbove"));
    }
}
