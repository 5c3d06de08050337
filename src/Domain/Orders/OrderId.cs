namespace Orders.Domain.Orders;

/// <summary>Identifies an order; also the reservation id and the payment id of its saga.</summary>
public readonly record struct OrderId(Guid Value)
{
    /// <summary>A new, time-ordered id (UUID v7), so ids sort by creation and index well.</summary>
    public static OrderId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
