using Orders.PaymentHost.Emulator;
using Orders.PaymentHost.Store;

namespace Orders.PaymentHost.Tests.Emulator;

public sealed class RefundTests
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
    public async Task Refund_of_an_approved_payment_makes_it_refunded()
    {
        var attempt = Emulated.Attempt();
        await _provider.ChargeAsync(attempt, CancellationToken.None);

        var refunded = await _provider.RefundAsync(attempt.PaymentId, CancellationToken.None);

        Assert.That(refunded?.Status, Is.EqualTo(PaymentStatus.Refunded));
        Assert.That((await _provider.FindAsync(attempt.PaymentId, CancellationToken.None))?.Status, Is.EqualTo(PaymentStatus.Refunded));
    }

    [Test]
    public async Task Refund_twice_is_a_no_op_that_stays_refunded()
    {
        var attempt = Emulated.Attempt();
        await _provider.ChargeAsync(attempt, CancellationToken.None);
        var first = await _provider.RefundAsync(attempt.PaymentId, CancellationToken.None);

        var second = await _provider.RefundAsync(attempt.PaymentId, CancellationToken.None);

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public async Task Refund_of_a_declined_payment_leaves_it_declined()
    {
        var attempt = Emulated.Attempt(userId: "declined-bob");
        await _provider.ChargeAsync(attempt, CancellationToken.None);

        var payment = await _provider.RefundAsync(attempt.PaymentId, CancellationToken.None);

        Assert.That(payment?.Status, Is.EqualTo(PaymentStatus.Declined));
    }

    [Test]
    public async Task Refund_of_an_unknown_payment_charges_nothing_and_finds_nothing()
    {
        var neverCharged = $"never-charged-{Guid.NewGuid():N}";

        var payment = await _provider.RefundAsync(neverCharged, CancellationToken.None);

        Assert.That(payment, Is.Null);
        Assert.That(await _provider.FindAsync(neverCharged, CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task A_charge_arriving_after_the_refund_of_its_id_is_declined_as_voided()
    {
        var attempt = Emulated.Attempt();
        await _provider.RefundAsync(attempt.PaymentId, CancellationToken.None);

        var result = await _provider.ChargeAsync(attempt, CancellationToken.None);

        var payment = ((ChargeResult.Accepted)result).Payment;
        Assert.That(payment.Status, Is.EqualTo(PaymentStatus.Declined));
        Assert.That(payment.DeclineReason, Does.StartWith("voided"));
        Assert.That((await _provider.FindAsync(attempt.PaymentId, CancellationToken.None))?.Status, Is.EqualTo(PaymentStatus.Declined));
    }

    [Test]
    public async Task A_voided_payment_stays_declined_when_its_charge_is_replayed()
    {
        var attempt = Emulated.Attempt();
        await _provider.RefundAsync(attempt.PaymentId, CancellationToken.None);
        await _provider.ChargeAsync(attempt, CancellationToken.None);

        var replay = (ChargeResult.Accepted)await _provider.ChargeAsync(attempt, CancellationToken.None);

        Assert.That((replay.IsReplay, replay.Payment.Status), Is.EqualTo((true, PaymentStatus.Declined)));
    }

    [Test]
    public async Task Racing_refunds_and_charges_of_one_id_never_leave_money_taken()
    {
        const int Rounds = 200;
        for (var round = 0; round < Rounds; round++)
        {
            var attempt = Emulated.Attempt();
            var charge = Task.Run(() => _provider.ChargeAsync(attempt, CancellationToken.None));
            var refund = Task.Run(() => _provider.RefundAsync(attempt.PaymentId, CancellationToken.None));
            await Task.WhenAll(charge, refund);

            var payment = await _provider.FindAsync(attempt.PaymentId, CancellationToken.None);
            Assert.That(payment?.Status, Is.AnyOf(PaymentStatus.Refunded, PaymentStatus.Declined), $"round {round}");
        }
    }

    [Test]
    public async Task Concurrent_refunds_of_one_payment_all_see_it_refunded()
    {
        const int Callers = 16;
        var attempt = Emulated.Attempt();
        await _provider.ChargeAsync(attempt, CancellationToken.None);

        var payments = await Task.WhenAll(Enumerable.Range(0, Callers)
            .Select(_ => Task.Run(() => _provider.RefundAsync(attempt.PaymentId, CancellationToken.None))));

        Assert.That(payments.Select(p => p?.Status), Is.All.EqualTo(PaymentStatus.Refunded));
    }
}
