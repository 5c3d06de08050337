using Orders.Domain.Orders;

namespace Orders.Application.Abstractions;

/// <summary>
/// What the inventory holds for an order's reservation: the answer of every <see cref="IInventory"/> call, and what
/// the placement policy knows of it between calls. The names are the inventory's own (inventory.proto).
/// </summary>
public abstract record ReservationState
{
    private ReservationState()
    {
    }

    /// <summary>The unit prices the inventory charged, when the answer carries them (reserve, or a lookup after it).</summary>
    public IReadOnlyList<PricedLine> Prices { get; init; } = [];

    /// <summary>Nobody asked the inventory yet, so nothing is held.</summary>
    public sealed record NotAsked : ReservationState;

    /// <summary>The inventory was asked but its answer is not known: stock may or may not be held.</summary>
    public sealed record Unknown : ReservationState;

    /// <summary>Every line is held, priced.</summary>
    public sealed record Reserved : ReservationState;

    /// <summary>Nothing is held: some products are short, some unknown.</summary>
    public sealed record Rejected(IReadOnlyList<StockShortage> Shortages, IReadOnlyList<ProductId> UnknownProducts) : ReservationState
    {
        public string Describe() => string.Join("; ", Shortages
            .Select(shortage => $"insufficient stock of {shortage.ProductId} (requested {shortage.Requested}, available {shortage.Available})")
            .Concat(UnknownProducts.Select(productId => $"unknown product {productId}")));
    }

    /// <summary>The stock is sold; it can no longer be released.</summary>
    public sealed record Committed : ReservationState;

    /// <summary>Nothing is held any more, and a late reserve of this id takes nothing.</summary>
    public sealed record Released : ReservationState;

    /// <summary>Committed, then given back to available stock (the order was cancelled).</summary>
    public sealed record Returned : ReservationState;

    /// <summary>The inventory never saw this reservation id.</summary>
    public sealed record None : ReservationState;

    /// <summary>The inventory refused the step, and what it holds instead is not certain.</summary>
    public sealed record Refused(string Reason) : ReservationState;

    /// <summary>The inventory did not answer; the step may or may not have happened.</summary>
    public sealed record Unanswered(string Reason) : ReservationState;
}
