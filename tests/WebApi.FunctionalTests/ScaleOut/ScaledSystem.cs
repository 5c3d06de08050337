using Grpc.Core;
using Grpc.Net.Client;
using Orders.Contracts.Inventory.V1;
using Orders.Contracts.Payment.V1;
using Orders.Testing;
using Orders.WebApi.FunctionalTests.EndToEnd;

namespace Orders.WebApi.FunctionalTests.ScaleOut;

/// <summary>
/// Several instances of every host as real processes behind HAProxy, over one PostgreSQL database and one MongoDB
/// database: clients, and the WebApis' gRPC clients, reach every host only through the balancer.
/// </summary>
internal sealed class ScaledSystem : IAsyncDisposable
{
    private readonly GrpcChannel _inventoryChannel;
    private readonly GrpcChannel _paymentChannel;

    private ScaledSystem(
        string ordersDatabase,
        IReadOnlyList<WebApiProcess> apis,
        IReadOnlyList<HostProcess> inventories,
        IReadOnlyList<HostProcess> payments,
        LoadBalancerProcess balancer)
    {
        OrdersDatabase = ordersDatabase;
        Apis = apis;
        Inventories = inventories;
        Payments = payments;
        Balancer = balancer;
        Http = new HttpClient { BaseAddress = balancer.Frontends["webapi"], Timeout = TimeSpan.FromSeconds(30) };
        _inventoryChannel = GrpcChannel.ForAddress(balancer.Frontends["inventory"]);
        _paymentChannel = GrpcChannel.ForAddress(balancer.Frontends["payment"]);
        Stock = new InventoryAdmin.InventoryAdminClient(_inventoryChannel.WithServiceKey());
    }

    public string OrdersDatabase { get; }

    public IReadOnlyList<WebApiProcess> Apis { get; }

    public IReadOnlyList<HostProcess> Inventories { get; }

    public IReadOnlyList<HostProcess> Payments { get; }

    public LoadBalancerProcess Balancer { get; }

    /// <summary>A client of the WebApi through the balancer.</summary>
    public HttpClient Http { get; }

    /// <summary>Stock administration through the balancer.</summary>
    public InventoryAdmin.InventoryAdminClient Stock { get; }

    /// <summary>
    /// Starts <paramref name="instances"/> WebApis and InventoryHosts and <paramref name="paymentInstances"/>
    /// PaymentHosts, which share their payment records in one PostgreSQL database.
    /// </summary>
    public static async Task<ScaledSystem> StartAsync(int instances, int paymentInstances,
        IReadOnlyDictionary<string, string> apiSettings, IReadOnlyDictionary<string, string> paymentSettings)
    {
        var postgres = await PostgresServer.GetAsync();
        var mongo = await MongoServer.GetAsync();
        var ordersDatabase = postgres.ConnectionStringForNewDatabase("orders_scale");
        var inventoryDatabase = MongoServer.NewDatabaseName("inventory_scale");

        var inventories = Enumerable.Range(0, instances).Select(_ => HostProcess.Create("InventoryHost", new Dictionary<string, string>
        {
            ["Inventory__Mongo__ConnectionString"] = mongo.ConnectionString,
            ["Inventory__Mongo__Database"] = inventoryDatabase,
        })).ToList();
        var paymentEnvironment = new Dictionary<string, string>(paymentSettings)
        {
            ["ConnectionStrings__Payments"] = postgres.ConnectionStringForNewDatabase("payments_scale"),
        };
        var payments = Enumerable.Range(0, paymentInstances).Select(_ => HostProcess.Create("PaymentHost", paymentEnvironment)).ToList();

        // The WebApis need the balancer's address and the balancer theirs: ports first, processes after.
        var apiPorts = Enumerable.Range(0, instances).Select(_ => HostProcess.FreePort()).ToList();
        var balancer = await LoadBalancerProcess.StartAsync(
        [
            new BalancedService("webapi", [.. apiPorts.Select(port => new Uri($"http://127.0.0.1:{port}"))], "/health/ready", Http2: false),
            new BalancedService("inventory", [.. inventories.Select(host => host.Address)], "/healthz", Http2: true),
            new BalancedService("payment", [.. payments.Select(host => host.Address)], "/healthz", Http2: true),
        ]);
        var environment = new Dictionary<string, string>(apiSettings)
        {
            ["ConnectionStrings__Orders"] = ordersDatabase,
            ["Services__Inventory__Address"] = balancer.Frontends["inventory"].ToString(),
            ["Services__Payment__Address"] = balancer.Frontends["payment"].ToString(),
        };
        var apis = apiPorts.Select(port => WebApiProcess.Create(environment, port)).ToList();

        // The first WebApi migrates the empty database while the gRPC hosts start; the others once it is done, since two
        // instances migrating one empty database at once would race to create its tables.
        await Task.WhenAll(inventories.Select(host => host.StartAsync()).Concat(payments.Select(host => host.StartAsync())).Append(apis[0].StartAsync()));
        await Task.WhenAll(apis.Skip(1).Select(api => api.StartAsync()));

        var system = new ScaledSystem(ordersDatabase, apis, inventories, payments, balancer);
        await system.WaitUntilEveryInstanceIsUpAsync(TimeSpan.FromSeconds(30));
        return system;
    }

    public async Task WaitUntilEveryInstanceIsUpAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var instances = await Balancer.InstancesAsync();
            if (instances.Values.All(instance => instance.Status == "UP"))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Not every instance is up behind the balancer: " +
                    string.Join(", ", instances.Select(pair => $"{pair.Key} {pair.Value.Status}")) + "\n" + Balancer.Output);
            }

            await Task.Delay(200);
        }
    }

    /// <summary>A product of this test's own.</summary>
    public async Task<string> NewProductAsync(int available, decimal unitPrice)
    {
        var productId = $"scale-{Guid.NewGuid():N}"[..24];
        await Stock.UpsertProductAsync(new UpsertProductRequest
        {
            ProductId = productId,
            Name = "Scale-out product",
            UnitPrice = Contracts.Common.V1.Money.FromDecimal(unitPrice, "EUR"),
            Available = available,
        });
        return productId;
    }

    public async Task<int> AvailableAsync(string productId)
    {
        var inventory = new Inventory.InventoryClient(_inventoryChannel.WithServiceKey());
        return (await inventory.GetProductsAsync(new GetProductsRequest { ProductIds = { productId } })).Products.Single().Available;
    }

    /// <summary>What the payment service knows of the order's payment, through the balancer; null when it has no record.</summary>
    public async Task<PaymentStatus?> PaymentOfAsync(Guid orderId)
    {
        try
        {
            var payments = new Payments.PaymentsClient(_paymentChannel.WithServiceKey());
            return (await payments.GetPaymentAsync(new GetPaymentRequest { PaymentId = orderId.ToString() })).Status;
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        _inventoryChannel.Dispose();
        _paymentChannel.Dispose();
        foreach (var api in Apis)
        {
            await api.DisposeAsync();
        }

        foreach (var host in Inventories.Concat(Payments))
        {
            await host.DisposeAsync();
        }

        await Balancer.DisposeAsync();
    }
}
