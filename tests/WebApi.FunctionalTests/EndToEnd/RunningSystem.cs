using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Orders.Client;
using Orders.Contracts.Inventory.V1;
using Orders.Testing;

namespace Orders.WebApi.FunctionalTests.EndToEnd;

/// <summary>
/// The whole system for the end-to-end tests: the WebApi in-process, InventoryHost and PaymentHost as real processes
/// on loopback ports, real PostgreSQL and MongoDB. Started once for all end-to-end tests.
/// </summary>
internal sealed class RunningSystem : IAsyncDisposable
{
    private readonly GrpcChannel _inventoryChannel;

    /// <summary>The hosts log as they do in their containers: JSON lines with scopes, so each line in a request carries its trace id.</summary>
    private static readonly Dictionary<string, string> ContainerLogging = new() { ["Logging__Console__FormatterName"] = "json" };

    /// <summary>A line per request as well: enough to see the trace id arrive, too slow for the soak tests' timing.</summary>
    internal static readonly Dictionary<string, string> RequestLogging = new(ContainerLogging)
    {
        ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
    };

    private RunningSystem(HostProcess inventory, HostProcess payment, WebApplicationFactory<Program> api, SpanLog spans, RabbitMqServer broker)
    {
        Broker = broker;
        Spans = spans;
        Inventory = inventory;
        Payment = payment;
        Api = api;
        Http = api.CreateClient();
        Orders = new OrdersClient(Http) { ReadResponseAsString = true };
        _inventoryChannel = GrpcChannel.ForAddress(inventory.Address);
        Stock = new InventoryAdmin.InventoryAdminClient(_inventoryChannel.WithServiceKey());
    }

    public HostProcess Inventory { get; }

    /// <summary>The broker the WebApi's outbox relay publishes order events to.</summary>
    public RabbitMqServer Broker { get; }

    public HostProcess Payment { get; }

    public WebApplicationFactory<Program> Api { get; }

    /// <summary>Every span the WebApi finished, through the OpenTelemetry in-memory exporter.</summary>
    public SpanLog Spans { get; }

    /// <summary>Raw HTTP, only for what the typed client can't send (malformed JSON) and for health endpoints.</summary>
    public HttpClient Http { get; }

    /// <summary>The NSwag-generated client: every order call goes through it.</summary>
    public OrdersClient Orders { get; }

    public InventoryAdmin.InventoryAdminClient Stock { get; }

    public static async Task<RunningSystem> StartAsync(IReadOnlyDictionary<string, string>? hostLogging = null)
    {
        hostLogging ??= ContainerLogging;
        var postgres = await PostgresServer.GetOrIgnoreAsync();
        var mongo = await MongoServer.GetAsync();
        var broker = await RabbitMqServer.GetOrIgnoreAsync();
        var ordersDatabase = postgres.ConnectionStringForNewDatabase("orders_e2e");

        var inventory = await HostProcess.StartAsync("InventoryHost", new Dictionary<string, string>(hostLogging)
        {
            ["Inventory__Mongo__ConnectionString"] = mongo.ConnectionString,
            ["Inventory__Mongo__Database"] = MongoServer.NewDatabaseName("inventory_e2e"),
        });
        var payment = await HostProcess.StartAsync("PaymentHost", new Dictionary<string, string>(hostLogging)
        {
            ["ConnectionStrings__Payments"] = postgres.ConnectionStringForNewDatabase("payments_e2e"),
        });
        var spans = new SpanLog();

        var api = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Orders", ordersDatabase);
            builder.UseSetting("Services:Inventory:Address", inventory.Address.ToString());
            builder.UseSetting("Services:Payment:Address", payment.Address.ToString());
            builder.UseSetting("Auth:Enabled", "false");
            builder.UseSetting(TestServiceKey.Setting, TestServiceKey.Value);
            builder.UseSetting("RateLimiting:Orders:PermitLimit", EdgeFactory.UnlimitedOrders);
            builder.UseSetting("RabbitMq:Uri", broker.AmqpUri.ToString());
            builder.UseSetting("Outbox:PollInterval", "00:00:00.1");
            // Spans are recorded when something receives them; here the in-memory exporter does.
            builder.ConfigureServices(services => services.AddOpenTelemetry().WithTracing(
                tracing => tracing.AddInMemoryExporter(spans).SetSampler(new AlwaysOnSampler())));
        });
        return new RunningSystem(inventory, payment, api, spans, broker);
    }

    /// <summary>A product of this test's own, so tests never share stock.</summary>
    public async Task<string> NewProductAsync(int available, decimal unitPrice = 10m)
    {
        var productId = $"e2e-{Guid.NewGuid():N}"[..24];
        await Stock.UpsertProductAsync(new UpsertProductRequest
        {
            ProductId = productId,
            Name = "End-to-end product",
            UnitPrice = Contracts.Common.V1.Money.FromDecimal(unitPrice, "EUR"),
            Available = available,
        });
        return productId;
    }

    public async Task<int> AvailableAsync(string productId) => (await Orders.GetProductAsync(productId)).Available;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        _inventoryChannel.Dispose();
        await Api.DisposeAsync();
        await Payment.DisposeAsync();
        await Inventory.DisposeAsync();
    }
}
