using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Mapster;
using Orders.Contracts.Inventory.V1;
using Orders.Domain.Orders;
using Orders.Infrastructure.Services;
using ContractMoney = Orders.Contracts.Common.V1.Money;
using DomainMoney = Orders.Domain.Common.Money;

namespace Orders.MicroBenchmarks;

/// <summary>
/// The line lists the gRPC inventory adapter maps on every reservation, through its Mapster configuration, set
/// against the same mapping written by hand (a plain loop into a list of the right size), so the ratio is what
/// Mapster costs.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ReserveMappingBenchmarks
{
    private const string Request = "RequestedLine to StockLine";
    private const string Reply = "ReservedLine to PricedLine";

    private TypeAdapterConfig _mapping = null!;
    private IReadOnlyList<RequestedLine> _requested = [];
    private Reserved _reserved = null!;

    [Params(1, 10)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        _mapping = ContractMapping.Create();
        _requested = OrderSamples.RequestedLines(Lines);
        _reserved = new Reserved
        {
            Lines =
            {
                _requested.Select(line => new ReservedLine
                {
                    ProductId = line.ProductId.Value,
                    Quantity = line.Quantity,
                    UnitPrice = ContractMoney.FromDecimal(OrderSamples.UnitPrice, OrderSamples.Currency),
                }),
            },
        };
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Request)]
    public List<StockLine> StockLinesByHand()
    {
        var lines = new List<StockLine>(_requested.Count);
        for (var index = 0; index < _requested.Count; index++)
        {
            lines.Add(new StockLine { ProductId = _requested[index].ProductId.Value, Quantity = _requested[index].Quantity });
        }

        return lines;
    }

    [Benchmark]
    [BenchmarkCategory(Request)]
    public List<StockLine> StockLinesByMapster() => _requested.Adapt<List<StockLine>>(_mapping);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Reply)]
    public List<PricedLine> PricedLinesByHand()
    {
        var lines = new List<PricedLine>(_reserved.Lines.Count);
        for (var index = 0; index < _reserved.Lines.Count; index++)
        {
            var line = _reserved.Lines[index];
            lines.Add(new PricedLine(new ProductId(line.ProductId), new DomainMoney(line.UnitPrice.ToDecimal(), line.UnitPrice.CurrencyCode)));
        }

        return lines;
    }

    [Benchmark]
    [BenchmarkCategory(Reply)]
    public List<PricedLine> PricedLinesByMapster() => _reserved.Lines.Adapt<List<PricedLine>>(_mapping);
}
