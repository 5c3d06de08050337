using Orders.Contracts.Common.V1;
using Orders.InventoryHost.Stock;
using V1 = Orders.Contracts.Inventory.V1;

namespace Orders.InventoryHost.Grpc;

/// <summary>Translates between the ledger's types and the inventory.proto messages.</summary>
internal static class ContractMapping
{
    public static IReadOnlyList<RequestedLine> ToRequestedLines(this IEnumerable<V1.StockLine> lines) =>
        [.. lines.Select(l => new RequestedLine(l.ProductId, l.Quantity))];

    public static V1.ReserveReply ToReply(this ReserveOutcome outcome) => outcome switch
    {
        ReserveOutcome.Reserved reserved => new V1.ReserveReply { Reserved = new V1.Reserved { Lines = { reserved.Lines.Select(ToContract) } } },
        ReserveOutcome.Rejected rejected => new V1.ReserveReply
        {
            Rejected = new V1.Rejected
            {
                Shortages = { rejected.Shortages.Select(s => new V1.Shortage { ProductId = s.ProductId, Requested = s.Requested, Available = s.Available }) },
                UnknownProductIds = { rejected.UnknownProductIds },
            },
        },
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown reserve outcome."),
    };

    public static V1.Reservation ToContract(this Reservation reservation) => new()
    {
        ReservationId = reservation.ReservationId,
        Status = reservation.Status.ToContract(),
        Lines = { reservation.Lines.Select(ToContract) },
    };

    public static V1.ReservationStatus ToContract(this ReservationStatus? status) =>
        status?.ToContract() ?? V1.ReservationStatus.None;

    public static V1.ReservationStatus ToContract(this ReservationStatus status) => status switch
    {
        ReservationStatus.Pending => V1.ReservationStatus.Pending,
        ReservationStatus.Reserved => V1.ReservationStatus.Reserved,
        ReservationStatus.Rejected => V1.ReservationStatus.Rejected,
        ReservationStatus.Released => V1.ReservationStatus.Released,
        ReservationStatus.Committed => V1.ReservationStatus.Committed,
        ReservationStatus.Returned => V1.ReservationStatus.Returned,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown reservation status."),
    };

    public static V1.Product ToContract(this Product product) => new()
    {
        ProductId = product.ProductId,
        Name = product.Name,
        UnitPrice = product.UnitPrice.ToContract(),
        Available = product.Available,
    };

    public static Price ToPrice(this Money money) => new(money.ToDecimal(), money.CurrencyCode);

    private static V1.ReservedLine ToContract(ReservedLine line) => new()
    {
        ProductId = line.ProductId,
        Quantity = line.Quantity,
        UnitPrice = line.UnitPrice?.ToContract(),
    };

    private static Money ToContract(this Price price) => Money.FromDecimal(price.Amount, price.Currency);
}
