using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Mvc.Testing;
using MongoDB.Bson;
using MongoDB.Driver;
using Orders.Contracts.Inventory.V1;
using StockIndexes = Orders.InventoryHost.Stock.StockIndexes;
using Orders.InventoryHost.Stock.Storage;
using HealthClient = Grpc.Health.V1.Health.HealthClient;
using CommittedHoldSweep = Orders.InventoryHost.Stock.CommittedHoldSweep;

namespace Orders.InventoryHost.Tests.Grpc;

/// <summary>The real host in-process, seeded from appsettings.json (p1..p5, 100 each), on a database of its own.</summary>
public sealed class InventoryHostTests
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(15);

    private MongoServer _server = null!;
    private string _database = null!;
    private WebApplicationFactory<Program> _factory = null!;
    private GrpcChannel _channel = null!;

    private Inventory.InventoryClient Inventory => new(_channel.WithServiceKey());

    private InventoryAdmin.InventoryAdminClient Admin => new(_channel.WithServiceKey());

    private static DateTime Deadline => DateTime.UtcNow.Add(CallTimeout);

    [SetUp]
    public async Task StartTheHost()
    {
        _server = await MongoServer.GetAsync();
        _database = MongoServer.NewDatabaseName("host");
        _factory = InventoryHostFactory.Create(_server.ConnectionString, _database);
        _channel = InventoryHostFactory.ChannelTo(_factory);
    }

    [TearDown]
    public async Task StopTheHost()
    {
        _channel?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            await _server.Client.DropDatabaseAsync(_database);
        }
    }

    [Test]
    public async Task Reserve_replies_with_the_reserved_lines_priced_in_money()
    {
        var reply = await Inventory.ReserveAsync(Request("order-1", ("p2", 2)), deadline: Deadline);

        Assert.That(reply.OutcomeCase, Is.EqualTo(ReserveReply.OutcomeOneofCase.Reserved));
        var line = reply.Reserved.Lines.Single();
        Assert.Multiple(() =>
        {
            Assert.That(line.ProductId, Is.EqualTo("p2"));
            Assert.That(line.Quantity, Is.EqualTo(2));
            Assert.That(line.UnitPrice.CurrencyCode, Is.EqualTo("EUR"));
            Assert.That(line.UnitPrice.ToDecimal(), Is.EqualTo(9.99m));
        });
    }

    [Test]
    public async Task Reserve_replies_with_a_typed_rejection_naming_every_shortage_and_unknown_product()
    {
        var reply = await Inventory.ReserveAsync(Request("order-1", ("p1", 101), ("p2", 1), ("p9", 1)), deadline: Deadline);

        Assert.That(reply.OutcomeCase, Is.EqualTo(ReserveReply.OutcomeOneofCase.Rejected));
        Assert.That(reply.Rejected.Shortages, Is.EqualTo(new[] { new Shortage { ProductId = "p1", Requested = 101, Available = 100 } }));
        Assert.That(reply.Rejected.UnknownProductIds, Is.EqualTo(new[] { "p9" }));
        var p2 = await Inventory.GetProductsAsync(new GetProductsRequest { ProductIds = { "p2" } }, deadline: Deadline);
        Assert.That(p2.Products.Single().Available, Is.EqualTo(100));
    }

    [TestCase(0)]
    [TestCase(10_001)]
    public void Reserve_with_a_quantity_out_of_range_is_an_invalid_argument(int quantity)
    {
        var call = Inventory.ReserveAsync(Request("order-1", ("p1", quantity)), deadline: Deadline);

        var error = Assert.ThrowsAsync<RpcException>(async () => await call);
        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
    }

    [Test]
    public async Task Reserve_with_a_used_id_and_other_lines_is_already_exists()
    {
        await Inventory.ReserveAsync(Request("order-1", ("p1", 1)), deadline: Deadline);

        var error = Assert.ThrowsAsync<RpcException>(async () => await Inventory.ReserveAsync(Request("order-1", ("p1", 2)), deadline: Deadline));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.AlreadyExists));
    }

    [Test]
    public async Task Release_after_commit_is_a_failed_precondition()
    {
        await Inventory.ReserveAsync(Request("order-1", ("p1", 1)), deadline: Deadline);
        await Inventory.CommitAsync(new CommitRequest { ReservationId = "order-1" }, deadline: Deadline);

        var error = Assert.ThrowsAsync<RpcException>(async () =>
            await Inventory.ReleaseAsync(new ReleaseRequest { ReservationId = "order-1" }, deadline: Deadline));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.FailedPrecondition));
    }

    [Test]
    public async Task Return_of_a_committed_reservation_replies_returned_and_puts_the_stock_back()
    {
        await Inventory.ReserveAsync(Request("order-1", ("p1", 3)), deadline: Deadline);
        await Inventory.CommitAsync(new CommitRequest { ReservationId = "order-1" }, deadline: Deadline);

        var first = await Inventory.ReturnAsync(new ReturnRequest { ReservationId = "order-1" }, deadline: Deadline);
        var second = await Inventory.ReturnAsync(new ReturnRequest { ReservationId = "order-1" }, deadline: Deadline);

        var p1 = await Inventory.GetProductsAsync(new GetProductsRequest { ProductIds = { "p1" } }, deadline: Deadline);
        var reservation = await Inventory.GetReservationAsync(new GetReservationRequest { ReservationId = "order-1" }, deadline: Deadline);
        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(ReservationStatus.Returned));
            Assert.That(second.Status, Is.EqualTo(ReservationStatus.Returned));
            Assert.That(p1.Products.Single().Available, Is.EqualTo(100));
            Assert.That(reservation.Status, Is.EqualTo(ReservationStatus.Returned));
        });
    }

    [Test]
    public async Task The_host_indexes_the_holds_by_reservation_id_so_a_release_of_an_unstored_id_reads_no_other_product()
    {
        var products = _server.Client.GetDatabase(_database).GetCollection<BsonDocument>(StockCollections.Products);

        var indexes = await (await products.Indexes.ListAsync()).ToListAsync();

        var index = indexes.Single(i => i["name"] == StockIndexes.HoldsByReservation);
        Assert.That(index["key"], Is.EqualTo(new BsonDocument("holds.reservation_id", 1)));
    }

    [Test]
    public async Task The_holds_of_a_committed_reservation_are_swept_moments_after_the_commit()
    {
        await Inventory.ReserveAsync(Request("order-1", ("p1", 3)), deadline: Deadline);
        await Inventory.CommitAsync(new CommitRequest { ReservationId = "order-1" }, deadline: Deadline);

        var products = _server.Client.GetDatabase(_database).GetCollection<BsonDocument>(StockCollections.Products);
        var sweptBy = DateTime.UtcNow.AddSeconds(10);
        BsonDocument p1;
        do
        {
            await Task.Delay(CommittedHoldSweep.Interval);
            p1 = await products.Find(new BsonDocument("_id", "p1")).SingleAsync();
        }
        while (p1["holds"].AsBsonArray.Count > 0 && DateTime.UtcNow < sweptBy);

        Assert.Multiple(() =>
        {
            Assert.That(p1["holds"].AsBsonArray, Is.Empty);
            Assert.That(p1["available"].ToInt32(), Is.EqualTo(97));
        });
    }

    [Test]
    public async Task Return_of_an_uncommitted_reservation_is_a_failed_precondition()
    {
        await Inventory.ReserveAsync(Request("order-1", ("p1", 1)), deadline: Deadline);

        var error = Assert.ThrowsAsync<RpcException>(async () =>
            await Inventory.ReturnAsync(new ReturnRequest { ReservationId = "order-1" }, deadline: Deadline));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.FailedPrecondition));
    }

    [Test]
    public void Return_of_an_unknown_reservation_is_not_found()
    {
        var error = Assert.ThrowsAsync<RpcException>(async () =>
            await Inventory.ReturnAsync(new ReturnRequest { ReservationId = "never-reserved" }, deadline: Deadline));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.NotFound));
    }

    [Test]
    public async Task Release_of_an_unknown_reservation_replies_none()
    {
        var reply = await Inventory.ReleaseAsync(new ReleaseRequest { ReservationId = "never-reserved" }, deadline: Deadline);

        Assert.That(reply.Status, Is.EqualTo(ReservationStatus.None));
    }

    [Test]
    public void Commit_and_get_of_an_unknown_reservation_are_not_found()
    {
        var commit = Assert.ThrowsAsync<RpcException>(async () =>
            await Inventory.CommitAsync(new CommitRequest { ReservationId = "never-reserved" }, deadline: Deadline));
        var get = Assert.ThrowsAsync<RpcException>(async () =>
            await Inventory.GetReservationAsync(new GetReservationRequest { ReservationId = "never-reserved" }, deadline: Deadline));

        Assert.That(commit!.StatusCode, Is.EqualTo(StatusCode.NotFound));
        Assert.That(get!.StatusCode, Is.EqualTo(StatusCode.NotFound));
    }

    [Test]
    public async Task Admin_lists_a_new_product_and_sets_its_stock()
    {
        await Admin.UpsertProductAsync(
            new UpsertProductRequest { ProductId = "p6", Name = "Kettle", UnitPrice = Contracts.Common.V1.Money.FromDecimal(45.5m, "EUR"), Available = 3 },
            deadline: Deadline);

        var product = await Admin.SetStockAsync(new SetStockRequest { ProductId = "p6", Available = 12 }, deadline: Deadline);

        Assert.That((product.Name, product.Available, product.UnitPrice.ToDecimal()), Is.EqualTo(("Kettle", 12, 45.5m)));
    }

    [Test]
    public void Admin_set_stock_of_an_unknown_product_is_not_found()
    {
        var error = Assert.ThrowsAsync<RpcException>(async () =>
            await Admin.SetStockAsync(new SetStockRequest { ProductId = "nope", Available = 1 }, deadline: Deadline));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.NotFound));
    }

    [Test]
    public async Task Health_is_serving_while_mongodb_answers()
    {
        var reply = await new HealthClient(_channel).CheckAsync(new HealthCheckRequest(), deadline: Deadline);

        Assert.That(reply.Status, Is.EqualTo(HealthCheckResponse.Types.ServingStatus.Serving));
    }

    private static ReserveRequest Request(string reservationId, params (string ProductId, int Quantity)[] lines) => new()
    {
        ReservationId = reservationId,
        Lines = { lines.Select(l => new StockLine { ProductId = l.ProductId, Quantity = l.Quantity }) },
    };
}
