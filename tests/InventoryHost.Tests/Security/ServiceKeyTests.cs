using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Mvc.Testing;
using Orders.Contracts.Inventory.V1;
using HealthClient = Grpc.Health.V1.Health.HealthClient;

namespace Orders.InventoryHost.Tests.Security;

/// <summary>Inventory and InventoryAdmin answer only calls with the service key; health stays open for probes.</summary>
public sealed class ServiceKeyTests
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(15);

    private MongoServer _server = null!;
    private string _database = null!;
    private WebApplicationFactory<Program> _factory = null!;
    private GrpcChannel _channel = null!;

    [OneTimeSetUp]
    public async Task StartTheHost()
    {
        _server = await MongoServer.GetAsync();
        _database = MongoServer.NewDatabaseName("service_key");
        _factory = InventoryHostFactory.Create(_server.ConnectionString, _database);
        _channel = InventoryHostFactory.ChannelTo(_factory);
    }

    [OneTimeTearDown]
    public async Task StopTheHost()
    {
        _channel.Dispose();
        await _factory.DisposeAsync();
        await _server.Client.DropDatabaseAsync(_database);
    }

    [Test]
    public void A_reservation_without_the_service_key_is_unauthenticated()
    {
        var error = Assert.ThrowsAsync<RpcException>(async () =>
            await new Inventory.InventoryClient(_channel).ReserveAsync(Reservation(), deadline: DateTime.UtcNow.Add(CallTimeout)));

        Assert.That(error.StatusCode, Is.EqualTo(StatusCode.Unauthenticated));
    }

    [Test]
    public void An_admin_call_with_a_wrong_service_key_is_unauthenticated()
    {
        var wrongKey = _channel.Intercept(headers => { headers.Add("x-service-key", "not-the-key-0123456789"); return headers; });

        var error = Assert.ThrowsAsync<RpcException>(async () => await new InventoryAdmin.InventoryAdminClient(wrongKey).UpsertProductAsync(
            new UpsertProductRequest { ProductId = "intruder", Name = "x", UnitPrice = Contracts.Common.V1.Money.FromDecimal(1m, "EUR"), Available = 1 },
            deadline: DateTime.UtcNow.Add(CallTimeout)));

        Assert.That(error.StatusCode, Is.EqualTo(StatusCode.Unauthenticated));
    }

    [Test]
    public async Task A_call_with_the_service_key_is_answered()
    {
        var reply = await new Inventory.InventoryClient(_channel.WithServiceKey())
            .GetProductsAsync(new GetProductsRequest { ProductIds = { "p1" } }, deadline: DateTime.UtcNow.Add(CallTimeout));

        Assert.That(reply.Products.Single().ProductId, Is.EqualTo("p1"));
    }

    [Test]
    public async Task Health_answers_without_the_service_key()
    {
        var reply = await new HealthClient(_channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.Add(CallTimeout));

        Assert.That(reply.Status, Is.EqualTo(HealthCheckResponse.Types.ServingStatus.Serving));
    }

    private static ReserveRequest Reservation() => new()
    {
        ReservationId = Guid.NewGuid().ToString(),
        Lines = { new StockLine { ProductId = "p1", Quantity = 1 } },
    };
}
