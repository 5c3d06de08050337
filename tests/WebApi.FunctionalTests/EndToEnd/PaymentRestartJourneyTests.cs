using Grpc.Net.Client;
using Orders.Client;
using Orders.Contracts.Payment.V1;
using Orders.Testing;

namespace Orders.WebApi.FunctionalTests.EndToEnd;

/// <summary>
/// The PaymentHost is killed (SIGKILL) and started again between placing an order and cancelling it: it answers
/// from its database as if nothing happened, so the cancel refunds the payment and puts the stock back.
/// </summary>
[NonParallelizable]
public sealed class PaymentRestartJourneyTests
{
    private static RunningSystem System => EndToEndSetUp.System;

    [Test]
    public async Task A_confirmed_order_is_refunded_by_a_cancel_after_the_payment_host_was_killed_and_started_again()
    {
        const int Available = 10;
        var product = await System.NewProductAsync(available: Available, unitPrice: 6m);
        var order = await System.Orders.CreateOrderAsync(new CreateOrderRequest
        {
            User_id = $"e2e-{Guid.NewGuid():N}"[..24],
            Items = [new CreateOrderRequestItem { Product_id = product, Quantity = 3 }],
        });
        Assert.That(order.Status, Is.EqualTo(OrderResponseStatus.Confirmed));

        await System.Payment.StopAsync();
        await System.Payment.StartAsync();

        var cancelled = await System.Orders.CancelOrderAsync(order.Id.ToString());

        using var channel = GrpcChannel.ForAddress(System.Payment.Address);
        var payment = await new Payments.PaymentsClient(channel.WithServiceKey())
            .GetPaymentAsync(new GetPaymentRequest { PaymentId = order.Id.ToString() });
        var available = await System.AvailableAsync(product);
        Assert.Multiple(() =>
        {
            Assert.That(cancelled.Status, Is.EqualTo(OrderResponseStatus.Cancelled));
            Assert.That((payment.Status, payment.Amount.ToDecimal()), Is.EqualTo((PaymentStatus.Refunded, 18m)));
            Assert.That(available, Is.EqualTo(Available), "the stock is back");
        });
    }
}
