using Mapster;
using Orders.Application.Abstractions;
using Orders.Contracts.Inventory.V1;
using Orders.Contracts.Payment.V1;
using Orders.Domain.Orders;
using ContractMoney = Orders.Contracts.Common.V1.Money;
using DomainMoney = Orders.Domain.Common.Money;

namespace Orders.Infrastructure.Services;

/// <summary>Proto ↔ application mapping for the gRPC adapters, built and checked once.</summary>
internal static class ContractMapping
{
    public static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig();

        config.NewConfig<OrderId, string>().MapWith(id => id.Value.ToString());
        config.NewConfig<UserId, string>().MapWith(id => id.Value);
        config.NewConfig<ProductId, string>().MapWith(id => id.Value);
        config.NewConfig<string, ProductId>().MapWith(id => new ProductId(id));
        config.NewConfig<DomainMoney, ContractMoney>().MapWith(money => ContractMoney.FromDecimal(money.Amount, money.Currency));
        config.NewConfig<ContractMoney, DomainMoney>().MapWith(money => new DomainMoney(money.ToDecimal(), money.CurrencyCode));

        config.NewConfig<RequestedLine, StockLine>();
        config.NewConfig<ReservedLine, PricedLine>();
        config.NewConfig<Shortage, StockShortage>();
        config.NewConfig<PaymentRequest, ChargeRequest>();

        config.Compile();
        return config;
    }
}
