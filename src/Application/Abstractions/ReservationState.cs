namespace Orders.Application.Abstractions;

/// <summary>What the inventory holds for a reservation id, as the recovery job needs to know it.</summary>
public abstract record ReservationState
{
    public static readonly ReservationState Held = new Holding();
    public static readonly ReservationState Committed = new Sold();
    public static readonly ReservationState Released = new Given();
    public static readonly ReservationState None = new Unknown();

    private ReservationState()
    {
    }

    /// <summary>Stock is held (or being taken) for the reservation.</summary>
    public sealed record Holding : ReservationState;

    /// <summary>The stock is sold; it can no longer be released.</summary>
    public sealed record Sold : ReservationState;

    /// <summary>Nothing is held: the reservation was released or refused.</summary>
    public sealed record Given : ReservationState;

    /// <summary>The inventory never saw this reservation id.</summary>
    public sealed record Unknown : ReservationState;

    /// <summary>The inventory did not answer.</summary>
    public sealed record Unavailable(string Reason) : ReservationState;
}
