using Grpc.Core.Interceptors;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Orders.Contracts.Common.V1;
using Orders.Contracts.Payment.V1;
using Orders.PaymentHost.Tests.Api;
using Orders.Testing;

namespace Orders.PaymentHost.Tests.Security;

/// <summary>Only a caller with the service key may charge, refund or read payments.</summary>
public sealed class ServiceKeyTests
{
    private PaymentsHost _host = null!;

    [OneTimeSetUp]
    public async Task StartHost() => _host = await PaymentsHost.CreateAsync();

    [OneTimeTearDown]
    public void StopHost() => _host.Dispose();

    [Test]
    public void A_charge_without_the_service_key_is_unauthenticated_and_nothing_is_charged()
    {
        var charge = Charge();

        var error = Assert.ThrowsAsync<RpcException>(async () => await new Payments.PaymentsClient(_host.Channel).ChargeAsync(charge));

        Assert.That(error.StatusCode, Is.EqualTo(StatusCode.Unauthenticated));
        var lookup = Assert.ThrowsAsync<RpcException>(async () =>
            await new Payments.PaymentsClient(_host.Calls).GetPaymentAsync(new GetPaymentRequest { PaymentId = charge.PaymentId }));
        Assert.That(lookup.StatusCode, Is.EqualTo(StatusCode.NotFound));
    }

    [Test]
    public void A_charge_with_a_wrong_service_key_is_unauthenticated()
    {
        var wrongKey = _host.Channel.Intercept(headers => { headers.Add("x-service-key", "not-the-key-0123456789"); return headers; });

        var error = Assert.ThrowsAsync<RpcException>(async () => await new Payments.PaymentsClient(wrongKey).ChargeAsync(Charge()));

        Assert.That(error.StatusCode, Is.EqualTo(StatusCode.Unauthenticated));
    }

    [Test]
    public async Task A_charge_with_the_service_key_is_answered()
    {
        var reply = await new Payments.PaymentsClient(_host.Calls).ChargeAsync(Charge());

        Assert.That(reply.Status, Is.EqualTo(PaymentStatus.Approved));
    }

    [Test]
    public async Task The_host_does_not_start_without_a_service_key()
    {
        var error = await StartupFailure.OfAsync<PaymentsHost>(
            () => PaymentsHost.CreateAsync(new Dictionary<string, string?> { ["ServiceAuth:Key"] = "" }),
            host => host.Start());

        Assert.That(error, Is.TypeOf<OptionsValidationException>().With.Message.Contain("ServiceAuth:Key"));
    }

    private static ChargeRequest Charge() => new()
    {
        PaymentId = Guid.NewGuid().ToString(),
        OrderId = Guid.NewGuid().ToString(),
        UserId = "u1",
        Amount = Money.FromDecimal(10m, "EUR"),
    };
}
