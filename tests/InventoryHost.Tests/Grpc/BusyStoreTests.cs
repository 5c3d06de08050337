using Grpc.Core;
using MongoDB.Driver;
using Orders.Contracts.Inventory.V1;

namespace Orders.InventoryHost.Tests.Grpc;

/// <summary>The real host with a MongoDB connection pool far too small for the calls it gets at once.</summary>
public sealed class BusyStoreTests
{
    private const int CallsAtOnce = 100;
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    [Test]
    public async Task Calls_the_connection_pool_cannot_queue_are_unavailable_and_leave_nothing_held_once_released()
    {
        var server = await MongoServer.GetAsync();
        var database = MongoServer.NewDatabaseName("busy");
        // One connection: its wait queue holds a few calls, and the driver refuses the rest at once.
        var onePooled = new MongoUrlBuilder(server.ConnectionString) { MaxConnectionPoolSize = 1 }.ToString();
        await using var factory = InventoryHostFactory.Create(onePooled, database);
        using var channel = InventoryHostFactory.ChannelTo(factory);
        var inventory = new Inventory.InventoryClient(channel.WithServiceKey());
        var before = await AvailableAsync(inventory, "p1");

        var ids = Enumerable.Range(1, CallsAtOnce).Select(i => $"busy-{i}").ToList();
        var outcomes = await Task.WhenAll(ids.Select(id => StatusOfAsync(() => inventory.ReserveAsync(Request(id), deadline: Deadline).ResponseAsync)));
        var shed = ids.Where((_, i) => outcomes[i] != StatusCode.OK).ToList();
        foreach (var id in shed)
        {
            // What the saga does with a reservation that got no answer.
            await inventory.ReleaseAsync(new ReleaseRequest { ReservationId = id }, deadline: Deadline);
        }

        Assert.That(outcomes.Distinct(), Is.SubsetOf(new[] { StatusCode.OK, StatusCode.Unavailable }), "never UNKNOWN: that is a bug to the caller");
        Assert.That(shed, Is.Not.Empty, "the pool was not too small after all: nothing was shed");
        Assert.That(await AvailableAsync(inventory, "p1"), Is.EqualTo(before - (CallsAtOnce - shed.Count)), "only the answered reservations hold stock");
        await server.Client.DropDatabaseAsync(database);
    }

    private static DateTime Deadline => DateTime.UtcNow.Add(CallTimeout);

    private static ReserveRequest Request(string reservationId) => new()
    {
        ReservationId = reservationId,
        Lines = { new StockLine { ProductId = "p1", Quantity = 1 } },
    };

    private static async Task<StatusCode> StatusOfAsync(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    private static async Task<int> AvailableAsync(Inventory.InventoryClient inventory, string productId)
    {
        var reply = await inventory.GetProductsAsync(new GetProductsRequest { ProductIds = { productId } }, deadline: Deadline);
        return reply.Products.Single().Available;
    }
}
