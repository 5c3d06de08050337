using NSubstitute;
using Orders.Application.Orders.CreateOrder;
using Orders.Application.Orders.Placement;

namespace Orders.UnitTests.Application;

/// <summary>A placement interrupted at its start touches nothing; one whose caller goes away once the order is stored still ends it.</summary>
public sealed partial class CreateOrderHandlerTests
{
    [Test]
    public async Task Create_order_touches_no_dependency_when_the_store_is_down_at_the_start()
    {
        _orders.StoreIsDown = true;

        var result = await _handler.Handle(TwoLines, CancellationToken.None);

        Assert.That(result, Is.EqualTo(new CreateOrderResult.DependencyUnavailable(Unanswered.OrderStore, null)));
        await _inventory.DidNotReceiveWithAnyArgs().ReserveAsync(default, default!, default);
    }

    [Test]
    public void A_cancelled_request_stores_nothing_and_calls_nobody()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.That(async () => await _handler.Handle(TwoLines, cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(_orders.Saved, Is.Empty);
        Assert.That(_inventory.ReceivedCalls(), Is.Empty);
        Assert.That(_payment.ReceivedCalls(), Is.Empty);
    }

    [Test]
    public async Task A_request_cancelled_after_the_order_is_stored_still_ends_the_placement()
    {
        using var request = new CancellationTokenSource();
        _orders.OnAdd = request.Cancel;

        var result = await _handler.Handle(TwoLines, request.Token);

        Assert.That(result, Is.InstanceOf<CreateOrderResult.Confirmed>());
        await _inventory.Received(1).CommitAsync(_orders.Order!.Id, Arg.Is<CancellationToken>(token => !token.IsCancellationRequested));
    }
}
