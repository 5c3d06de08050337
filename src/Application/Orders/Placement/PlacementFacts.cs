using Orders.Application.Abstractions;

namespace Orders.Application.Orders.Placement;

/// <summary>
/// What is known of an order's reservation and payment, and why the order is being worked on. Each answer of the
/// inventory or the payment provider is folded in with <see cref="After(PlacementStep, ReservationState)"/> or
/// <see cref="After(PlacementStep, PaymentState)"/>; <see cref="PlacementPolicy"/> decides from the result.
/// </summary>
/// <param name="Goal">Why the order is being worked on.</param>
/// <param name="Reservation">What the inventory holds for the order, as last heard.</param>
/// <param name="Payment">What the payment provider holds for the order, as last heard.</param>
/// <param name="Priced">Whether the order carries the inventory's prices, which the policy needs before it confirms.</param>
/// <param name="Abandoned">The unanswered call that made a placement give up and undo what it did.</param>
/// <param name="Waiting">An unanswered call the order must wait out: nothing more is decided until the service answers.</param>
/// <param name="Refusal">The last step a service refused; the policy never repeats it.</param>
public sealed record PlacementFacts(
    PlacementGoal Goal,
    ReservationState Reservation,
    PaymentState Payment,
    bool Priced = false,
    Unanswered? Abandoned = null,
    Unanswered? Waiting = null,
    Refusal? Refusal = null)
{
    /// <summary>A new order: nothing asked of anyone.</summary>
    public static PlacementFacts ForPlacing() => new(PlacementGoal.Place, new ReservationState.NotAsked(), new PaymentState.NotAsked());

    /// <summary>A confirmed order: its stock is committed and its payment approved.</summary>
    public static PlacementFacts ForCancelling() => new(PlacementGoal.Cancel, new ReservationState.Committed(), new PaymentState.Approved());

    /// <summary>
    /// An order left unfinished, for recovery or an operator: nothing is known until the services are asked (the
    /// inventory's answer carries the prices, so they are known before anything is finished on them).
    /// </summary>
    public static PlacementFacts ForSettling(PlacementGoal goal) => new(goal, new ReservationState.Unknown(), new PaymentState.Unknown());

    public PlacementFacts After(PlacementStep step, ReservationState answer) => answer switch
    {
        ReservationState.Unanswered unanswered =>
            Silenced(new Unanswered(Unanswered.Inventory, unanswered.Reason)) with { Reservation = new ReservationState.Unknown() },
        ReservationState.Refused refused => this with { Reservation = new ReservationState.Unknown(), Refusal = new Refusal(step, refused.Reason) },
        // A release refused because the stock is sold: a payment read before may be stale by now, unless it was approved.
        ReservationState.Committed when step is PlacementStep.Release && Payment is not PaymentState.Approved =>
            this with { Reservation = answer, Payment = new PaymentState.Unknown() },
        _ => this with { Reservation = answer },
    };

    public PlacementFacts After(PlacementStep step, PaymentState answer) => answer switch
    {
        PaymentState.Unanswered unanswered => Silenced(new Unanswered(Unanswered.Payment, unanswered.Reason)) with
        {
            Payment = unanswered.MayHaveActed ? new PaymentState.Unknown() : Payment,
        },
        PaymentState.Refused refused => this with { Payment = new PaymentState.Unknown(), Refusal = new Refusal(step, refused.Reason) },
        _ => this with { Payment = answer },
    };

    /// <summary>The first call a placement can't get answered makes it give up; any other unanswered call is waited out.</summary>
    private PlacementFacts Silenced(Unanswered cause) =>
        Goal == PlacementGoal.Place && Abandoned is null ? this with { Abandoned = cause } : this with { Waiting = cause };
}

/// <summary>A step a service refused, and its reason.</summary>
public sealed record Refusal(PlacementStep Step, string Reason)
{
    /// <summary>The service that refused.</summary>
    public string Dependency => Step is PlacementStep.Charge or PlacementStep.Refund or PlacementStep.AskPayment ? Unanswered.Payment : Unanswered.Inventory;
}
