using Orders.Application.Abstractions;
using Orders.Contracts.Inventory.V1;
using Orders.Contracts.Payment.V1;
using Orders.Domain.Orders;
using ContractMoney = Orders.Contracts.Common.V1.Money;
using DomainMoney = Orders.Domain.Common.Money;

namespace Orders.Infrastructure.Services;

/// <summary>Proto ↔ application mapping for the gRPC adapters, by hand (docs/adr/0007-hand-written-mapping.md).</summary>
internal static class ContractMapping
{
    public static string ToContract(this OrderId id) => id.Value.ToString();

    public static ContractMoney ToContract(this DomainMoney money) => ContractMoney.FromDecimal(money.Amount, money.Currency);

    public static DomainMoney ToDomain(this ContractMoney money) => new(money.ToDecimal(), money.CurrencyCode);

    public static ReserveRequest ToReserveRequest(this OrderId reservationId, IReadOnlyList<RequestedLine> lines)
    {
        var request = new ReserveRequest { ReservationId = reservationId.ToContract() };
        foreach (var line in lines)
        {
            request.Lines.Add(new StockLine { ProductId = line.ProductId.Value, Quantity = line.Quantity });
        }

        return request;
    }

    public static ChargeRequest ToContract(this PaymentRequest request) => new()
    {
        PaymentId = request.PaymentId.ToContract(),
        OrderId = request.OrderId.ToContract(),
        UserId = request.UserId.Value,
        Amount = request.Amount.ToContract(),
    };

    /// <summary>Reserved lines with their prices; a line without one breaks the contract (pricing it as zero would sell for nothing).</summary>
    public static List<PricedLine> ToPricedLines(this IEnumerable<ReservedLine> lines, string method) =>
        [.. lines.Select(line => new PricedLine(
            new ProductId(line.ProductId),
            line.UnitPrice?.ToDomain()
                ?? throw new InvalidOperationException($"Inventory.{method} returned no unit price for product '{line.ProductId}'.")))];

    public static ReservationState.Rejected ToDomain(this Rejected rejected) => new(
        [.. rejected.Shortages.Select(shortage => new StockShortage(new ProductId(shortage.ProductId), shortage.Requested, shortage.Available))],
        [.. rejected.UnknownProductIds.Select(id => new ProductId(id))]);
}
