using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Mapster;
using Orders.Application.Abstractions;
using Orders.Contracts.Payment.V1;
using Orders.Domain.Orders;
using Orders.Infrastructure.Services;
using ContractMoney = Orders.Contracts.Common.V1.Money;
using DomainMoney = Orders.Domain.Common.Money;

namespace Orders.MicroBenchmarks;

/// <summary>
/// The charge the gRPC payment adapter maps on every order, and money both ways (the product catalog reads prices),
/// through the adapters' Mapster configuration, set against the same mapping written by hand.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PaymentMappingBenchmarks
{
    private const string Charge = "PaymentRequest to ChargeRequest";
    private const string MoneyOut = "Money to proto";
    private const string MoneyIn = "proto to Money";

    private TypeAdapterConfig _mapping = null!;
    private PaymentRequest _payment = null!;
    private DomainMoney _money;
    private ContractMoney _contractMoney = null!;

    [GlobalSetup]
    public void SetUp()
    {
        _mapping = ContractMapping.Create();
        var orderId = new OrderId(Guid.CreateVersion7(OrderSamples.PlacedAt));
        _money = new DomainMoney(OrderSamples.UnitPrice * OrderSamples.Quantity, OrderSamples.Currency);
        _payment = new PaymentRequest(orderId, orderId, new UserId(OrderSamples.UserId), _money);
        _contractMoney = ContractMoney.FromDecimal(_money.Amount, _money.Currency);
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Charge)]
    public ChargeRequest ChargeByHand() => new()
    {
        PaymentId = _payment.PaymentId.Value.ToString(),
        OrderId = _payment.OrderId.Value.ToString(),
        UserId = _payment.UserId.Value,
        Amount = ContractMoney.FromDecimal(_payment.Amount.Amount, _payment.Amount.Currency),
    };

    [Benchmark]
    [BenchmarkCategory(Charge)]
    public ChargeRequest ChargeByMapster() => _payment.Adapt<ChargeRequest>(_mapping);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(MoneyOut)]
    public ContractMoney MoneyOutByHand() => ContractMoney.FromDecimal(_money.Amount, _money.Currency);

    [Benchmark]
    [BenchmarkCategory(MoneyOut)]
    public ContractMoney MoneyOutByMapster() => _money.Adapt<ContractMoney>(_mapping);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(MoneyIn)]
    public DomainMoney MoneyInByHand() => new(_contractMoney.ToDecimal(), _contractMoney.CurrencyCode);

    [Benchmark]
    [BenchmarkCategory(MoneyIn)]
    public DomainMoney MoneyInByMapster() => _contractMoney.Adapt<DomainMoney>(_mapping);
}
