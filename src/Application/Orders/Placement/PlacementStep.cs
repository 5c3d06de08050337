using Orders.Domain.Orders;

namespace Orders.Application.Orders.Placement;

/// <summary>What the placement policy decides to do next with an order.</summary>
public abstract record PlacementStep
{
    private PlacementStep()
    {
    }

    public sealed record Reserve : PlacementStep;

    public sealed record Charge : PlacementStep;

    public sealed record Commit : PlacementStep;

    public sealed record Release : PlacementStep;

    public sealed record Return : PlacementStep;

    public sealed record Refund : PlacementStep;

    /// <summary>Ask the inventory what it holds for the order (and at what prices).</summary>
    public sealed record AskReservation : PlacementStep;

    /// <summary>Ask the payment provider what it holds for the order.</summary>
    public sealed record AskPayment : PlacementStep;

    /// <summary>Stock and payment agree with <paramref name="Status"/>: store it.</summary>
    public sealed record Finish(OrderStatus Status, string? Reason = null) : PlacementStep;

    /// <summary>What the services hold can't be reconciled: the order needs an operator.</summary>
    public sealed record Escalate(string Reason) : PlacementStep;

    /// <summary>A service does not answer: the order stays as stored until it does.</summary>
    public sealed record Wait(Unanswered Cause) : PlacementStep;
}
