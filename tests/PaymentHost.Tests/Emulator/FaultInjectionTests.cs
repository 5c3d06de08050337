using Orders.PaymentHost.Configuration;
using Orders.PaymentHost.Emulator;
using Orders.PaymentHost.Store;

namespace Orders.PaymentHost.Tests.Emulator;

public sealed class FaultInjectionTests
{
    private Emulated _emulator = null!;

    private PostgresPaymentProvider _inner = null!;

    [OneTimeSetUp]
    public async Task StartEmulator()
    {
        _emulator = await Emulated.StartAsync();
        _inner = _emulator.Provider;
    }

    [OneTimeTearDown]
    public async Task StopEmulator() => await _emulator.DisposeAsync();

    [Test]
    public async Task Failure_rate_of_one_fails_every_charge_before_recording_anything()
    {
        var provider = Emulated.WithFaults(_inner, new FaultOptions { FailureRate = 1.0 });
        var attempt = Emulated.Attempt();

        Assert.ThrowsAsync<PaymentProviderUnavailableException>(() => provider.ChargeAsync(attempt, CancellationToken.None));

        Assert.That(await _inner.FindAsync(attempt.PaymentId, CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task Failure_rate_of_one_fails_every_refund_before_refunding()
    {
        var attempt = Emulated.Attempt();
        await _inner.ChargeAsync(attempt, CancellationToken.None);
        var provider = Emulated.WithFaults(_inner, new FaultOptions { FailureRate = 1.0 });

        Assert.ThrowsAsync<PaymentProviderUnavailableException>(() => provider.RefundAsync(attempt.PaymentId, CancellationToken.None));

        Assert.That((await _inner.FindAsync(attempt.PaymentId, CancellationToken.None))?.Status, Is.EqualTo(PaymentStatus.Approved));
    }

    [Test]
    public async Task Failure_rate_of_zero_never_fails()
    {
        const int Calls = 200;
        var provider = Emulated.WithFaults(_inner, new FaultOptions { FailureRate = 0, LostReplyRate = 0 });
        var refunds = new List<PaymentStatus?>();

        for (var call = 0; call < Calls; call++)
        {
            var attempt = Emulated.Attempt();
            await provider.ChargeAsync(attempt, CancellationToken.None);
            refunds.Add((await provider.RefundAsync(attempt.PaymentId, CancellationToken.None))?.Status);
        }

        Assert.That(refunds, Has.Count.EqualTo(Calls).And.All.EqualTo(PaymentStatus.Refunded));
    }

    [Test]
    public async Task Lost_reply_records_the_charge_so_a_retry_returns_it_without_charging_twice()
    {
        var attempt = Emulated.Attempt();
        var lossy = Emulated.WithFaults(_inner, new FaultOptions { LostReplyRate = 1.0 });
        Assert.ThrowsAsync<PaymentProviderUnavailableException>(() => lossy.ChargeAsync(attempt, CancellationToken.None));

        var retry = await Emulated.WithFaults(_inner, new FaultOptions()).ChargeAsync(attempt, CancellationToken.None);

        Assert.That(retry, Is.InstanceOf<ChargeResult.Accepted>());
        var accepted = (ChargeResult.Accepted)retry;
        Assert.Multiple(() =>
        {
            Assert.That(accepted.IsReplay, Is.True, "the lost charge was recorded; the retry must not charge again");
            Assert.That(accepted.Payment.Status, Is.EqualTo(PaymentStatus.Approved));
        });
    }

    [Test]
    public async Task Failure_rate_does_not_fail_reading_a_payment()
    {
        var attempt = Emulated.Attempt();
        await _inner.ChargeAsync(attempt, CancellationToken.None);
        var provider = Emulated.WithFaults(_inner, new FaultOptions { FailureRate = 1.0, LostReplyRate = 1.0 });

        var payment = await provider.FindAsync(attempt.PaymentId, CancellationToken.None);

        Assert.That(payment?.Status, Is.EqualTo(PaymentStatus.Approved));
    }

    [Test]
    public void The_same_seed_fails_the_same_calls()
    {
        const int Rolls = 100;
        var first = new FaultDice(seed: 42);
        var second = new FaultDice(seed: 42);

        var firstFailures = Enumerable.Range(0, Rolls).Select(_ => first.Hits(0.3)).ToList();
        var secondFailures = Enumerable.Range(0, Rolls).Select(_ => second.Hits(0.3)).ToList();

        Assert.That(secondFailures, Is.EqualTo(firstFailures));
        Assert.That(firstFailures, Has.Some.True.And.Some.False);
    }
}
