using BenchmarkDotNet.Attributes;
using Orders.InventoryHost.Grpc;
using Orders.InventoryHost.Stock;
using V1 = Orders.Contracts.Inventory.V1;

namespace Orders.MicroBenchmarks;

/// <summary>
/// The other end of every reservation: the inventory host's hand-written mapping of the Reserve request into the
/// ledger's lines and of the outcome into the reply. The baseline is reading the request, so the ratio says how
/// much more building the reply (priced lines, proto money) costs.
/// </summary>
[MemoryDiagnoser]
public class InventoryHostMappingBenchmarks
{
    private V1.ReserveRequest _request = null!;
    private ReserveOutcome _reserved = null!;

    [Params(1, 10)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        var products = Enumerable.Range(0, Lines).Select(OrderSamples.ProductId).ToList();
        _request = new V1.ReserveRequest
        {
            ReservationId = Guid.CreateVersion7(OrderSamples.PlacedAt).ToString(),
            Lines = { products.Select(product => new V1.StockLine { ProductId = product, Quantity = OrderSamples.Quantity }) },
        };
        _reserved = new ReserveOutcome.Reserved(
            [.. products.Select(product => new ReservedLine(product, OrderSamples.Quantity, new Price(OrderSamples.UnitPrice, OrderSamples.Currency)))]);
    }

    [Benchmark(Baseline = true)]
    public IReadOnlyList<RequestedLine> ReadReserveRequest() => _request.Lines.ToRequestedLines();

    [Benchmark]
    public V1.ReserveReply WriteReserveReply() => _reserved.ToReply();
}
