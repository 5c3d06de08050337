using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Orders.Application.Abstractions;
using Orders.Domain.Orders;

namespace Orders.Infrastructure.IntegrationTests.Services;

public sealed class GrpcInventoryReturnTests
{
    private ScriptedInventory _inventory = null!;
    private FakeGrpcServer _server = null!;
    private ServiceProvider _services = null!;

    [SetUp]
    public async Task StartInventory()
    {
        _inventory = new ScriptedInventory();
        _server = await FakeGrpcServer.StartAsync(_inventory);
        _services = Adapters.For(inventory: _server.Address);
    }

    [TearDown]
    public async Task StopInventory()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    private IInventory Adapter => _services.GetRequiredService<IInventory>();

    [Test]
    public async Task Return_answers_returned_and_names_the_reservation()
    {
        var orderId = OrderId.New();

        var outcome = await Adapter.ReturnAsync(orderId, CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<ReservationState.Returned>());
        Assert.That(_inventory.Returns, Is.EqualTo(new[] { orderId.Value.ToString() }));
    }

    [TestCase(StatusCode.NotFound, typeof(ReservationState.None))]
    [TestCase(StatusCode.FailedPrecondition, typeof(ReservationState.Refused))]
    public async Task Return_of_an_unknown_or_uncommitted_reservation_says_so(StatusCode status, Type answer)
    {
        _inventory.OnReturn = _ => throw new RpcException(new Status(status, "cannot return"));

        var outcome = await Adapter.ReturnAsync(OrderId.New(), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf(answer));
    }

    [Test]
    public async Task Return_is_retried_when_the_inventory_is_unavailable_once()
    {
        var calls = 0;
        _inventory.OnReturn = request => Interlocked.Increment(ref calls) == 1
            ? throw new RpcException(new Status(StatusCode.Unavailable, "restarting"))
            : Task.FromResult(new Contracts.Inventory.V1.ReturnReply { Status = Contracts.Inventory.V1.ReservationStatus.Returned });

        var outcome = await Adapter.ReturnAsync(OrderId.New(), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<ReservationState.Returned>());
        Assert.That(_inventory.Returns, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Return_is_unanswered_when_nothing_listens()
    {
        await using var services = Adapters.For(inventory: Adapters.NothingListens(), deadline: Adapters.ShortDeadline);

        var outcome = await services.GetRequiredService<IInventory>().ReturnAsync(OrderId.New(), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<ReservationState.Unanswered>());
    }
}
