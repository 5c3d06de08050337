using Orders.Domain.Orders;
using static Orders.Application.Orders.Placement.PlacementStep;
using Payment = Orders.Application.Abstractions.PaymentState;
using Stock = Orders.Application.Abstractions.ReservationState;

namespace Orders.Application.Orders.Placement;

/// <summary>
/// The rules of placing, recovering, cancelling and settling an order, written once: from what is known of its
/// reservation and payment to the next step. Pure: <see cref="PlacementRunner"/> does the steps.
/// </summary>
/// <remarks>
/// Undoing releases before it refunds: a release refused because the stock is sold means the sale stands, and money is
/// never refunded while its stock is sold. What is not known is asked before anything is decided on it, except by a
/// placement that gave up, which releases and refunds blindly (both are no-ops when nothing was done).
/// </remarks>
public static class PlacementPolicy
{
    public static PlacementStep Next(PlacementFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var step = Decide(facts);
        return facts.Refusal is { } refusal && refusal.Step == step
            ? new Escalate($"{refusal.Step.GetType().Name} was refused and is still the only way on: {refusal.Reason}")
            : step;
    }

    private static PlacementStep Decide(PlacementFacts f) => f switch
    {
        { Waiting: { } cause } => new Wait(cause),
        { Goal: PlacementGoal.Cancel } => Cancelling(f),
        { Goal: PlacementGoal.Place, Abandoned: null, Refusal: null } => Placing(f) ?? Undoing(f),
        { Goal: PlacementGoal.Recover } => Recovering(f) ?? Undoing(f),
        _ => Undoing(f),
    };

    private static PlacementStep? Placing(PlacementFacts f) => (f.Reservation, f.Payment) switch
    {
        (Stock.NotAsked, Payment.NotAsked) => new Reserve(),
        (Stock.Reserved, Payment.NotAsked) => new Charge(),
        (Stock.Rejected rejected, Payment.NotAsked) => new Finish(OrderStatus.Rejected, rejected.Describe()),
        (Stock.Reserved, Payment.Approved) => new Commit(),
        _ => null,
    };

    /// <summary>A pending order of unknown progress: the payment says which way it goes, the inventory what it holds.</summary>
    private static PlacementStep? Recovering(PlacementFacts f) => (f.Reservation, f.Payment) switch
    {
        (_, Payment.Unknown) => new AskPayment(),
        (Stock.Unknown, Payment.Approved or Payment.Declined) => new AskReservation(),
        (Stock.None or Stock.Rejected or Stock.Returned, Payment.Approved or Payment.Declined) =>
            new Escalate($"the payment is {Name(f.Payment)}, but the reservation is {Name(f.Reservation)}"),
        (Stock.Returned, _) => new Escalate("the order is pending, but its stock was returned as for a cancelled sale"),
        (Stock.Reserved, Payment.Approved) => new Commit(),
        _ => null,
    };

    /// <summary>Brings stock and money back in line with an order that ends without a sale, unless the sale stands.</summary>
    private static PlacementStep Undoing(PlacementFacts f) => (f.Reservation, f.Payment) switch
    {
        (Stock.Committed, Payment.Approved) when f.Goal != PlacementGoal.Settle =>
            f.Priced ? new Finish(OrderStatus.Confirmed) : new AskReservation(),
        (Stock.Committed, Payment.Unknown) => new AskPayment(),
        (Stock.Committed, _) when f.Goal == PlacementGoal.Settle => new Return(),
        (Stock.Committed, _) => new Escalate($"the stock is committed, but the payment is {Name(f.Payment)}"),
        (Stock.Unknown or Stock.Reserved or Stock.None, _) => new Release(),
        (_, Payment.Unknown or Payment.Approved or Payment.None) => new Refund(),
        (_, Payment.Declined declined) when f.Goal != PlacementGoal.Settle => new Finish(OrderStatus.PaymentDeclined, declined.Reason),
        _ => new Finish(OrderStatus.Failed, FailureReason(f)),
    };

    /// <summary>A confirmed order gives its stock back, then its money; anything else found on the way is for an operator.</summary>
    private static PlacementStep Cancelling(PlacementFacts f) => (f.Reservation, f.Payment) switch
    {
        (Stock.Committed, Payment.Approved) => new Return(),
        (Stock.Returned, Payment.Approved) => new Refund(),
        (Stock.Returned, Payment.Refunded) => new Finish(OrderStatus.Cancelled),
        (Stock.Unknown, _) => new AskReservation(),
        (_, Payment.Unknown) => new AskPayment(),
        _ => new Escalate($"cancelling a confirmed order found the reservation {Name(f.Reservation)} and the payment {Name(f.Payment)}"),
    };

    private static string FailureReason(PlacementFacts f) => f switch
    {
        { Abandoned: { } cause } => cause.ToString(),
        { Refusal: { } refusal } => $"refused: {refusal.Reason}",
        { Goal: PlacementGoal.Settle } => "settled by an operator: stock and payment given back",
        { Goal: PlacementGoal.Recover } => "recovery: the order was left unfinished; its stock was released and no payment stays taken",
        _ => $"the inventory answered {Name(f.Reservation)} to a new reservation",
    };

    private static string Name(object state) => state.GetType().Name.ToLowerInvariant();
}
