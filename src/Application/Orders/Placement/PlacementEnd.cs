using Orders.Domain.Orders;

namespace Orders.Application.Orders.Placement;

/// <summary>Where a run of the placement policy left an order.</summary>
public abstract record PlacementEnd
{
    private PlacementEnd()
    {
    }

    /// <summary>The order reached its status (final, or needs attention) and is stored; <paramref name="Facts"/> say how.</summary>
    public sealed record Stored(Order Order, PlacementFacts Facts) : PlacementEnd;

    /// <summary>A service did not answer: the order is left as it was stored, for a retry or the next recovery round.</summary>
    public sealed record Waiting(Order Order, PlacementFacts Facts, Unanswered Cause) : PlacementEnd;

    /// <summary>The outcome could not be stored: the order store is down, or someone else changed the order first.</summary>
    public sealed record NotStored(Order Order, PlacementFacts Facts, bool ChangedMeanwhile) : PlacementEnd;
}
