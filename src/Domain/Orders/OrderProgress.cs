namespace Orders.Domain.Orders;

/// <summary>How far the create-order saga got, so a half-done order can be finished or undone after a crash.</summary>
public enum OrderProgress
{
    /// <summary>Stored; nothing asked of inventory or payment yet (a reservation may be under way).</summary>
    Placed,

    /// <summary>Stock is reserved and the lines are priced; the charge may be under way.</summary>
    StockReserved,

    /// <summary>The payment is approved; committing the reservation is what remains.</summary>
    PaymentCharged,

    /// <summary>The saga ended; <see cref="Order.Status"/> says how.</summary>
    Completed,
}
