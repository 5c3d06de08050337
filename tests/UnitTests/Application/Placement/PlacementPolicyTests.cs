using Orders.Application.Abstractions;
using Orders.Application.Orders.Placement;
using Orders.Domain.Orders;
using static Orders.Application.Orders.Placement.PlacementStep;

namespace Orders.UnitTests.Application.Placement;

public sealed class PlacementPolicyTests
{
    private static readonly Unanswered InventorySilent = new(Unanswered.Inventory, "deadline exceeded");

    public static IEnumerable<TestCaseData> Table() =>
        PlacementTable.Rows.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(row => row.Split('|', StringSplitOptions.TrimEntries))
            .Select(cells => new TestCaseData(cells[0], cells[1], cells[2], cells[3]).SetName($"{cells[0]} + {cells[1]} + {cells[2]} → {cells[3]}"));

    [TestCaseSource(nameof(Table))]
    public void The_policy_chooses_the_step_of_its_table(string goal, string reservation, string payment, string step)
    {
        var facts = Facts(goal, reservation, payment);

        Assert.That(Describe(PlacementPolicy.Next(facts)), Is.EqualTo(step));
    }

    [Test]
    public void The_table_has_a_row_for_every_goal_reservation_and_payment()
    {
        string[] goals = [.. Enum.GetNames<PlacementGoal>(), "GaveUp"];
        var rows = Table().Select(row => string.Join('|', row.Arguments.Take(3))).ToHashSet();

        var missing = goals
            .SelectMany(goal => KnownStates<ReservationState>().Select(reservation => (goal, reservation)))
            .SelectMany(pair => KnownStates<PaymentState>().Select(payment => $"{pair.goal}|{pair.reservation}|{payment}"))
            .Where(combination => !rows.Contains(combination))
            .ToList();

        Assert.That(missing, Is.Empty, "combinations without a row in PlacementTable");
    }

    [Test]
    public void A_sold_and_paid_order_without_prices_asks_the_inventory_for_them_before_confirming()
    {
        var facts = new PlacementFacts(PlacementGoal.Recover, new ReservationState.Committed(), new PaymentState.Approved(), Priced: false);

        Assert.That(PlacementPolicy.Next(facts), Is.EqualTo(new AskReservation()));
    }

    [TestCase(PlacementGoal.Place)]
    [TestCase(PlacementGoal.Recover)]
    [TestCase(PlacementGoal.Cancel)]
    [TestCase(PlacementGoal.Settle)]
    public void An_order_waits_while_a_service_does_not_answer(PlacementGoal goal)
    {
        var facts = PlacementFacts.ForSettling(goal) with { Waiting = InventorySilent };

        Assert.That(PlacementPolicy.Next(facts), Is.EqualTo(new Wait(InventorySilent)));
    }

    [Test]
    public void A_step_a_service_refused_is_never_repeated_the_order_needs_attention_instead()
    {
        var facts = new PlacementFacts(PlacementGoal.Recover, new ReservationState.Reserved(), new PaymentState.Approved(), Priced: true)
            with { Refusal = new Refusal(new Commit(), "reservation is pending") };

        var step = PlacementPolicy.Next(facts);

        Assert.That(step, Is.TypeOf<Escalate>());
        Assert.That(((Escalate)step).Reason, Does.Contain("Commit").And.Contain("reservation is pending"));
    }

    [Test]
    public void A_placement_that_gave_up_fails_with_the_call_that_went_unanswered()
    {
        var facts = new PlacementFacts(PlacementGoal.Place, new ReservationState.Released(), new PaymentState.NotAsked(), Abandoned: InventorySilent);

        Assert.That(PlacementPolicy.Next(facts), Is.EqualTo(new Finish(OrderStatus.Failed, "inventory: deadline exceeded")));
    }

    [Test]
    public void A_rejected_reservation_ends_the_order_rejected_naming_every_shortage_and_unknown_product()
    {
        var rejected = new ReservationState.Rejected([new StockShortage(new ProductId("p1"), 5, 2)], [new ProductId("p9")]);
        var facts = PlacementFacts.ForPlacing() with { Reservation = rejected };

        Assert.That(PlacementPolicy.Next(facts), Is.EqualTo(new Finish(
            OrderStatus.Rejected, "insufficient stock of p1 (requested 5, available 2); unknown product p9")));
    }

    [Test]
    public void A_declined_payment_ends_the_order_with_the_providers_reason_once_the_stock_is_released()
    {
        var facts = PlacementFacts.ForPlacing() with { Reservation = new ReservationState.Released(), Payment = new PaymentState.Declined("card expired") };

        Assert.That(PlacementPolicy.Next(facts), Is.EqualTo(new Finish(OrderStatus.PaymentDeclined, "card expired")));
    }

    [TestCase(PlacementGoal.Recover, "recovery:")]
    [TestCase(PlacementGoal.Settle, "settled by an operator")]
    public void An_undone_order_fails_saying_who_undid_it(PlacementGoal goal, string reason)
    {
        var facts = new PlacementFacts(goal, new ReservationState.Released(), new PaymentState.Refunded());

        var step = PlacementPolicy.Next(facts);

        Assert.That(step, Is.TypeOf<Finish>());
        Assert.That(((Finish)step).Status, Is.EqualTo(OrderStatus.Failed));
        Assert.That(((Finish)step).Reason, Does.StartWith(reason));
    }

    [Test]
    public void An_irreconcilable_order_names_what_each_service_holds()
    {
        var facts = new PlacementFacts(PlacementGoal.Recover, new ReservationState.Committed(), new PaymentState.None());

        Assert.That(PlacementPolicy.Next(facts), Is.EqualTo(new Escalate("the stock is committed, but the payment is none")));
    }

    private static PlacementFacts Facts(string goal, string reservation, string payment)
    {
        var gaveUp = goal == "GaveUp";
        return new PlacementFacts(
            gaveUp ? PlacementGoal.Place : Enum.Parse<PlacementGoal>(goal),
            Create<ReservationState>(reservation),
            Create<PaymentState>(payment),
            Priced: true,
            Abandoned: gaveUp ? InventorySilent : null);
    }

    /// <summary>The states a service's answer folds into: those the facts can hold (not Refused or Unanswered).</summary>
    private static IEnumerable<string> KnownStates<T>() => typeof(T).GetNestedTypes()
        .Where(type => type.IsSubclassOf(typeof(T)) && type.Name is not ("Refused" or "Unanswered"))
        .Select(type => type.Name);

    private static T Create<T>(string name)
    {
        var type = typeof(T).GetNestedType(name) ?? throw new ArgumentException($"No {typeof(T).Name}.{name}.", nameof(name));
        var constructor = type.GetConstructors().Single();
        object?[] arguments = [.. constructor.GetParameters().Select(parameter => parameter.ParameterType == typeof(string) ? "declined by the issuer" : Activator.CreateInstance(typeof(List<>).MakeGenericType(parameter.ParameterType.GetGenericArguments())))];
        return (T)constructor.Invoke(arguments);
    }

    private static string Describe(PlacementStep step) => step switch
    {
        Finish finish => $"Finish {finish.Status}",
        Escalate => "Escalate",
        _ => step.GetType().Name,
    };
}
