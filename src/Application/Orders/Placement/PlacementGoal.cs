namespace Orders.Application.Orders.Placement;

/// <summary>What the caller of the placement policy wants of an order.</summary>
public enum PlacementGoal
{
    /// <summary>A new order: reserve, charge, commit; on the first call that goes unanswered, undo what was done.</summary>
    Place,

    /// <summary>An order left pending: ask the services; roll forward what was paid for, undo the rest.</summary>
    Recover,

    /// <summary>A confirmed order: give its stock back, then its money.</summary>
    Cancel,

    /// <summary>An operator's decision: end the order as failed, giving back stock (sold or not) and money.</summary>
    Settle,
}
