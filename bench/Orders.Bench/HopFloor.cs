using Grpc.Net.Client;
using Orders.Contracts.Inventory.V1;

namespace Orders.Bench;

/// <summary>
/// The calls of the floor runs against the <see cref="EchoServer"/>: an Inventory <c>Commit</c> over a plain gRPC
/// channel, and the full system's own <c>POST /orders</c> request (<see cref="HttpOrders"/>) over HTTP/1.1.
/// </summary>
internal sealed class HopFloor : IDisposable
{
    public const string GrpcMode = "grpc-floor";
    public const string HttpMode = "http-floor";

    private readonly GrpcChannel _channel;
    private readonly Inventory.InventoryClient _inventory;
    private readonly HttpClient _http;
    private readonly HttpOrders _orders;

    /// <param name="grpc">The echo server's gRPC address.</param>
    /// <param name="http">Its HTTP/1.1 address.</param>
    /// <param name="options">The clients at most, as for the full system.</param>
    public HopFloor(Uri grpc, Uri http, BenchOptions options)
    {
        _channel = GrpcChannel.ForAddress(grpc);
        _inventory = new Inventory.InventoryClient(_channel);
        _http = HttpOrders.CreateClient(options with { Api = http }, options.Clients);
        _orders = new HttpOrders(_http, idempotency: false);
    }

    public static bool IsFloor(string mode) => mode is GrpcMode or HttpMode;

    /// <summary>Names for the requests' lines: nothing is stocked or sold.</summary>
    public static IReadOnlyList<string> Products(BenchOptions options) => [.. Enumerable.Range(1, options.Products).Select(i => $"floor-p{i}")];

    public async Task<Attempt> CallGrpcAsync(OrderPlan plan)
    {
        var reply = await _inventory.CommitAsync(new CommitRequest { ReservationId = plan.UserId }, deadline: DateTime.UtcNow.AddSeconds(30));
        return new Attempt(reply.Status.ToString(), Confirmed: false);
    }

    public Task<Attempt> PostAsync(OrderPlan plan) => _orders.PlaceAsync(plan);

    public void Dispose()
    {
        _channel.Dispose();
        _http.Dispose();
    }
}
