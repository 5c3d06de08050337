namespace Orders.InventoryHost.Stock;

/// <summary>The business outcome of a reservation: every line held, or nothing held and every reason named.</summary>
public abstract record ReserveOutcome
{
    private ReserveOutcome()
    {
    }

    /// <summary>Every line is held, priced at the moment its stock was taken.</summary>
    public sealed record Reserved(IReadOnlyList<ReservedLine> Lines) : ReserveOutcome;

    /// <summary>Nothing is held: every short product and every unknown product is named.</summary>
    public sealed record Rejected(IReadOnlyList<StockShortage> Shortages, IReadOnlyList<string> UnknownProductIds) : ReserveOutcome;
}
