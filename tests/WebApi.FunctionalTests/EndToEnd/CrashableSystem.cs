using Grpc.Net.Client;
using Orders.Client;
using Orders.Contracts.Inventory.V1;
using Orders.Testing;

namespace Orders.WebApi.FunctionalTests.EndToEnd;

/// <summary>
/// A whole system of one test's own, every part a process it may pause, kill or crash: a PostgreSQL server (orders
/// and payments databases), InventoryHost over a MongoDB database of its own, PaymentHost and the WebApi.
/// </summary>
internal sealed class CrashableSystem : IAsyncDisposable
{
    private readonly GrpcChannel _inventoryChannel;
    private readonly HttpClient _http;

    private CrashableSystem(LocalPostgres postgres, HostProcess inventory, HostProcess payment, WebApiProcess api)
    {
        Postgres = postgres;
        Inventory = inventory;
        Payment = payment;
        Api = api;
        _inventoryChannel = GrpcChannel.ForAddress(inventory.Address);
        _http = new HttpClient { BaseAddress = api.Address };
        Orders = new OrdersClient(_http) { ReadResponseAsString = true };
    }

    public LocalPostgres Postgres { get; }

    public HostProcess Inventory { get; }

    public HostProcess Payment { get; }

    public WebApiProcess Api { get; }

    /// <summary>The generated client on the WebApi's address, which stays the same across restarts.</summary>
    public OrdersClient Orders { get; }

    public static async Task<CrashableSystem> StartAsync(IReadOnlyDictionary<string, string> apiSettings)
    {
        var postgres = await LocalPostgres.StartAsync();
        var mongo = await MongoServer.GetAsync();
        var inventory = await HostProcess.StartAsync("InventoryHost", new Dictionary<string, string>
        {
            ["Inventory__Mongo__ConnectionString"] = mongo.ConnectionString,
            ["Inventory__Mongo__Database"] = MongoServer.NewDatabaseName("inventory_faults"),
        });
        var payment = await HostProcess.StartAsync("PaymentHost", new Dictionary<string, string>
        {
            ["ConnectionStrings__Payments"] = postgres.ConnectionStringFor("payments"),
        });
        var api = await WebApiProcess.StartAsync(new Dictionary<string, string>(apiSettings)
        {
            ["ConnectionStrings__Orders"] = postgres.ConnectionStringFor("orders"),
            ["Services__Inventory__Address"] = inventory.Address.ToString(),
            ["Services__Payment__Address"] = payment.Address.ToString(),
            ["RateLimiting__Orders__PermitLimit"] = EdgeFactory.UnlimitedOrders,
        });
        return new CrashableSystem(postgres, inventory, payment, api);
    }

    public async Task<string> NewProductAsync(int available)
    {
        var productId = $"fault-{Guid.NewGuid():N}"[..24];
        await new InventoryAdmin.InventoryAdminClient(_inventoryChannel.WithServiceKey()).UpsertProductAsync(new UpsertProductRequest
        {
            ProductId = productId,
            Name = "Fault test product",
            UnitPrice = Contracts.Common.V1.Money.FromDecimal(5m, "EUR"),
            Available = available,
        });
        return productId;
    }

    /// <summary>Every order of <paramref name="userId"/>, through the REST API's pages.</summary>
    public async Task<List<OrderResponse>> OrdersOfAsync(string userId)
    {
        const int PageSize = 100;
        var orders = new List<OrderResponse>();
        string? token = null;
        do
        {
            var page = await Orders.ListOrdersAsync(userId, PageSize, token);
            orders.AddRange(page.Items);
            token = page.Next_page_token;
        }
        while (token is not null);

        return orders;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        _inventoryChannel.Dispose();
        await Api.DisposeAsync();
        await Payment.DisposeAsync();
        await Inventory.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
