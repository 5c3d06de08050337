using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Orders.Application.Abstractions;
using Orders.Contracts.Payment.V1;
using Orders.Domain.Common;
using Orders.Domain.Orders;
using Orders.Testing;

namespace Orders.Infrastructure.IntegrationTests.Services;

/// <summary>The adapters present <c>ServiceAuth:Key</c> on every call, so the real services let them in.</summary>
public sealed class ServiceKeyTests
{
    [Test]
    public async Task The_payment_adapter_sends_the_configured_service_key()
    {
        string? presented = null;
        var payments = new ScriptedPayments
        {
            OnCharge = (_, context) =>
            {
                presented = context.RequestHeaders.GetValue("x-service-key");
                return Task.FromResult(new ChargeReply { Status = PaymentStatus.Approved });
            },
        };
        await using var server = await FakeGrpcServer.StartAsync(payments);
        await using var services = Adapters.For(payment: server.Address);
        var orderId = OrderId.New();

        var outcome = await services.GetRequiredService<IPayment>()
            .ChargeAsync(new PaymentRequest(orderId, orderId, new UserId("u1"), new Money(10m, "EUR")), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<PaymentState.Approved>());
        Assert.That(presented, Is.EqualTo(TestServiceKey.Value));
    }
}
