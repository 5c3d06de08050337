using Orders.InventoryHost.Stock.Storage;

namespace Orders.InventoryHost.Stock;

/// <summary>What taking a reservation's lines came to: every line held and priced, or every reason it can't be.</summary>
internal sealed record TakenLines(
    List<ReservationLineDocument> Priced, IReadOnlyList<StockShortage> Shortages, IReadOnlyList<string> UnknownProductIds)
{
    public bool AllHeld => Shortages.Count == 0 && UnknownProductIds.Count == 0;
}
