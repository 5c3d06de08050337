using Orders.PaymentHost.Emulator;
using Orders.PaymentHost.Store;

namespace Orders.PaymentHost.Tests.Emulator;

public sealed class ChargeTests
{
    private Emulated _emulator = null!;

    private PostgresPaymentProvider _provider = null!;

    [OneTimeSetUp]
    public async Task StartEmulator()
    {
        _emulator = await Emulated.StartAsync();
        _provider = _emulator.Provider;
    }

    [OneTimeTearDown]
    public async Task StopEmulator() => await _emulator.DisposeAsync();

    [Test]
    public async Task Charge_within_the_limit_is_approved()
    {
        var attempt = Emulated.Attempt(amount: Emulated.Limit);

        var result = await _provider.ChargeAsync(attempt, CancellationToken.None);

        var accepted = AssertAccepted(result);
        Assert.Multiple(() =>
        {
            Assert.That(accepted.Payment.Status, Is.EqualTo(PaymentStatus.Approved));
            Assert.That(accepted.Payment.DeclineReason, Is.Empty);
            Assert.That(accepted.IsReplay, Is.False);
        });
    }

    [Test]
    public async Task Charge_above_the_limit_is_declined_with_a_reason()
    {
        var attempt = Emulated.Attempt(amount: Emulated.Limit + 0.01m);

        var result = await _provider.ChargeAsync(attempt, CancellationToken.None);

        var payment = AssertAccepted(result).Payment;
        Assert.Multiple(() =>
        {
            Assert.That(payment.Status, Is.EqualTo(PaymentStatus.Declined));
            Assert.That(payment.DeclineReason, Does.Contain("above the limit"));
        });
    }

    [Test]
    public async Task Charge_for_a_declined_user_is_declined_with_a_reason()
    {
        var attempt = Emulated.Attempt(userId: "declined-alice");

        var result = await _provider.ChargeAsync(attempt, CancellationToken.None);

        var payment = AssertAccepted(result).Payment;
        Assert.Multiple(() =>
        {
            Assert.That(payment.Status, Is.EqualTo(PaymentStatus.Declined));
            Assert.That(payment.DeclineReason, Is.Not.Empty);
        });
    }

    [Test]
    public async Task Charge_replay_returns_first_outcome_without_charging_twice()
    {
        var attempt = Emulated.Attempt();
        var first = AssertAccepted(await _provider.ChargeAsync(attempt, CancellationToken.None));

        var replay = AssertAccepted(await _provider.ChargeAsync(attempt, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(replay.IsReplay, Is.True);
            Assert.That(replay.Payment, Is.EqualTo(first.Payment));
        });
    }

    [Test]
    public async Task Charge_replay_of_a_declined_payment_stays_declined_even_if_it_would_now_pass()
    {
        var attempt = Emulated.Attempt(amount: Emulated.Limit * 2);
        await _provider.ChargeAsync(attempt, CancellationToken.None);

        var replay = AssertAccepted(await _provider.ChargeAsync(attempt, CancellationToken.None));

        Assert.That(replay.Payment.Status, Is.EqualTo(PaymentStatus.Declined));
    }

    [Test]
    public async Task Charge_replay_after_a_refund_returns_refunded_and_does_not_charge_again()
    {
        var attempt = Emulated.Attempt();
        await _provider.ChargeAsync(attempt, CancellationToken.None);
        await _provider.RefundAsync(attempt.PaymentId, CancellationToken.None);

        var replay = AssertAccepted(await _provider.ChargeAsync(attempt, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(replay.IsReplay, Is.True);
            Assert.That(replay.Payment.Status, Is.EqualTo(PaymentStatus.Refunded));
        });
    }

    [Test]
    public async Task Charge_replay_with_the_same_amount_written_with_more_decimals_is_a_replay()
    {
        var attempt = Emulated.Attempt(amount: 10.5m);
        await _provider.ChargeAsync(attempt, CancellationToken.None);

        var result = await _provider.ChargeAsync(attempt with { Amount = 10.500m }, CancellationToken.None);

        Assert.That(AssertAccepted(result).IsReplay, Is.True);
    }

    [TestCase("amount")]
    [TestCase("currency")]
    [TestCase("order")]
    [TestCase("user")]
    public async Task Charge_with_the_same_id_and_other_details_is_refused_and_keeps_the_first(string changed)
    {
        var attempt = Emulated.Attempt();
        var first = AssertAccepted(await _provider.ChargeAsync(attempt, CancellationToken.None));
        var other = changed switch
        {
            "amount" => attempt with { Amount = attempt.Amount + 1 },
            "currency" => attempt with { Currency = "USD" },
            "order" => attempt with { OrderId = "order-2" },
            _ => attempt with { UserId = "user-2" },
        };

        var result = await _provider.ChargeAsync(other, CancellationToken.None);

        Assert.That(result, Is.InstanceOf<ChargeResult.Conflict>());
        Assert.That(await _provider.FindAsync(attempt.PaymentId, CancellationToken.None), Is.EqualTo(first.Payment));
    }

    [Test]
    public async Task Concurrent_charges_of_one_id_create_exactly_one_payment()
    {
        const int Callers = 16;
        const int Rounds = 300;
        var attempts = Enumerable.Range(0, Rounds).Select(_ => Emulated.Attempt()).ToArray();
        var results = new ChargeResult[Rounds, Callers];
        using var start = new Barrier(Callers);

        // Dedicated threads, released together each round, so the inserts of one id reach PostgreSQL at once.
        var threads = Enumerable.Range(0, Callers).Select(caller => new Thread(() =>
        {
            for (var round = 0; round < Rounds; round++)
            {
                start.SignalAndWait();
                results[round, caller] = _provider.ChargeAsync(attempts[round], CancellationToken.None).GetAwaiter().GetResult();
            }
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        for (var round = 0; round < Rounds; round++)
        {
            var accepted = Enumerable.Range(0, Callers).Select(caller => AssertAccepted(results[round, caller])).ToList();
            var stored = await _provider.FindAsync(attempts[round].PaymentId, CancellationToken.None);
            Assert.That(accepted.Count(a => !a.IsReplay), Is.EqualTo(1), $"charges that created payment {round}");
            Assert.That(accepted.Select(a => a.Payment), Is.All.EqualTo(stored), $"payments returned in round {round}");
        }
    }

    private static ChargeResult.Accepted AssertAccepted(ChargeResult result)
    {
        Assert.That(result, Is.InstanceOf<ChargeResult.Accepted>());
        return (ChargeResult.Accepted)result;
    }
}
