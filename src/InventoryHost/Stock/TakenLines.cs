using Orders.InventoryHost.Stock.Storage;

namespace Orders.InventoryHost.Stock;

/// <summary>
/// What taking a reservation's lines came to: every line held and priced (with the token of the hold it counts on), or
/// every reason it can't be. <see cref="Taken"/> are the lines this call moved into holds itself, with its own token.
/// <see cref="Clashed"/>: another call of the id holds a product for another quantity.
/// </summary>
internal sealed record TakenLines(
    string Token,
    List<ReservationLineDocument> Priced,
    IReadOnlyList<RequestedLine> Taken,
    IReadOnlyList<StockShortage> Shortages,
    IReadOnlyList<string> UnknownProductIds,
    bool Clashed)
{
    public bool AllHeld => Shortages.Count == 0 && UnknownProductIds.Count == 0 && !Clashed;
}
