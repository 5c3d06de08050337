using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Orders.Application.Abstractions;
using Orders.Domain.Orders;

namespace Orders.Infrastructure.IntegrationTests.Persistence;

public sealed class UnreachableStoreTests
{
    private ServiceProvider _services = null!;

    [SetUp]
    public void PointAtAClosedPort() =>
        _services = InfrastructureServices.ForDatabase($"Host=127.0.0.1;Port={ClosedPort()};Database=orders;Username=postgres;Timeout=2");

    [TearDown]
    public async Task DisposeServices() => await _services.DisposeAsync();

    [Test]
    public async Task Reading_from_an_unreachable_database_reports_the_store_unavailable()
    {
        await using var scope = _services.CreateAsyncScope();
        var repository = scope.ServiceProvider.GetRequiredService<IOrderRepository>();

        Assert.That(
            () => repository.FindAsync(OrderId.New(), CancellationToken.None),
            Throws.TypeOf<OrderStoreUnavailableException>());
    }

    [Test]
    public async Task Saving_to_an_unreachable_database_reports_the_store_unavailable()
    {
        await using var scope = _services.CreateAsyncScope();
        var repository = scope.ServiceProvider.GetRequiredService<IOrderRepository>();
        var order = Order.Place(OrderId.New(), new UserId("alice"), [new RequestedLine(new ProductId("mouse"), 1)], DateTimeOffset.UtcNow);

        Assert.That(
            () => repository.AddAsync(order, CancellationToken.None),
            Throws.TypeOf<OrderStoreUnavailableException>());
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
