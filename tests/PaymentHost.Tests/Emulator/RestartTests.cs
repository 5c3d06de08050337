using Orders.PaymentHost.Emulator;

namespace Orders.PaymentHost.Tests.Emulator;

/// <summary>
/// A restarted emulator keeps nothing in memory: what it answers about payments charged or refunded before comes
/// from its database, exactly as the first one answered. Two emulators over one database are one provider.
/// </summary>
public sealed class RestartTests
{
    private Emulated _emulator = null!;

    [SetUp]
    public async Task StartEmulator() => _emulator = await Emulated.StartAsync();

    [TearDown]
    public async Task StopEmulator() => await _emulator.DisposeAsync();

    [Test]
    public async Task An_approved_payment_is_found_with_its_details_after_a_restart()
    {
        var attempt = Emulated.Attempt(amount: 77.30m);
        await _emulator.Provider.ChargeAsync(attempt, CancellationToken.None);

        _emulator = await _emulator.RestartAsync();

        var payment = await _emulator.Provider.FindAsync(attempt.PaymentId, CancellationToken.None);
        Assert.That(payment, Is.EqualTo(Payment.Approve(attempt)));
    }

    [Test]
    public async Task An_approved_payment_is_refunded_after_a_restart()
    {
        var attempt = Emulated.Attempt();
        await _emulator.Provider.ChargeAsync(attempt, CancellationToken.None);
        _emulator = await _emulator.RestartAsync();

        var refunded = await _emulator.Provider.RefundAsync(attempt.PaymentId, CancellationToken.None);

        var stored = await _emulator.Provider.FindAsync(attempt.PaymentId, CancellationToken.None);
        Assert.That((refunded?.Status, stored?.Status), Is.EqualTo((PaymentStatus.Refunded, PaymentStatus.Refunded)));
    }

    [Test]
    public async Task A_replay_after_a_restart_returns_the_first_outcome_without_charging_again()
    {
        var attempt = Emulated.Attempt(userId: "declined-carol");
        var first = (ChargeResult.Accepted)await _emulator.Provider.ChargeAsync(attempt, CancellationToken.None);
        _emulator = await _emulator.RestartAsync();

        var replay = await _emulator.Provider.ChargeAsync(attempt, CancellationToken.None);

        Assert.That(replay, Is.EqualTo(new ChargeResult.Accepted(first.Payment, IsReplay: true)));
    }

    [Test]
    public async Task A_charge_of_the_same_id_with_other_details_after_a_restart_is_a_conflict()
    {
        var attempt = Emulated.Attempt();
        await _emulator.Provider.ChargeAsync(attempt, CancellationToken.None);
        _emulator = await _emulator.RestartAsync();

        var result = await _emulator.Provider.ChargeAsync(attempt with { Amount = attempt.Amount + 1 }, CancellationToken.None);

        Assert.That(result, Is.EqualTo(new ChargeResult.Conflict(Payment.Approve(attempt))));
    }

    [Test]
    public async Task A_voided_id_stays_voided_after_a_restart_so_its_late_charge_is_declined()
    {
        var attempt = Emulated.Attempt();
        await _emulator.Provider.RefundAsync(attempt.PaymentId, CancellationToken.None);
        _emulator = await _emulator.RestartAsync();

        var result = (ChargeResult.Accepted)await _emulator.Provider.ChargeAsync(attempt, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsReplay, Is.False);
            Assert.That(result.Payment.Status, Is.EqualTo(PaymentStatus.Declined));
            Assert.That(result.Payment.DeclineReason, Does.StartWith("voided"));
        });
    }

    [Test]
    public async Task Two_emulators_over_one_database_charge_an_id_once_between_them()
    {
        const int Rounds = 100;
        await using var other = await Emulated.StartOverAsync(_emulator.Database);
        var providers = new IPaymentProvider[] { _emulator.Provider, other.Provider };

        for (var round = 0; round < Rounds; round++)
        {
            var attempt = Emulated.Attempt();
            var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(caller =>
                Task.Run(() => providers[caller % 2].ChargeAsync(attempt, CancellationToken.None))));

            Assert.That(results.Cast<ChargeResult.Accepted>().Count(accepted => !accepted.IsReplay), Is.EqualTo(1), $"round {round}");
        }
    }

    [Test]
    public async Task A_refund_through_one_emulator_voids_the_charge_through_the_other()
    {
        await using var other = await Emulated.StartOverAsync(_emulator.Database);
        var attempt = Emulated.Attempt();
        await other.Provider.RefundAsync(attempt.PaymentId, CancellationToken.None);

        var result = (ChargeResult.Accepted)await _emulator.Provider.ChargeAsync(attempt, CancellationToken.None);

        Assert.That(result.Payment.DeclineReason, Does.StartWith("voided"));
    }
}
