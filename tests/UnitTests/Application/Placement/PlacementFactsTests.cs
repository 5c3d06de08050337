using Orders.Application.Abstractions;
using Orders.Application.Orders.Placement;
using static Orders.Application.Orders.Placement.PlacementStep;

namespace Orders.UnitTests.Application.Placement;

public sealed class PlacementFactsTests
{
    [Test]
    public void The_first_unanswered_call_of_a_placement_makes_it_give_up_and_undo()
    {
        var facts = PlacementFacts.ForPlacing().After(new Reserve(), new ReservationState.Unanswered("deadline exceeded"));

        Assert.Multiple(() =>
        {
            Assert.That(facts.Abandoned, Is.EqualTo(new Unanswered(Unanswered.Inventory, "deadline exceeded")));
            Assert.That(facts.Waiting, Is.Null);
            Assert.That(facts.Reservation, Is.TypeOf<ReservationState.Unknown>(), "stock may or may not be held");
        });
    }

    [Test]
    public void A_placement_that_already_gave_up_waits_when_its_undoing_goes_unanswered_too()
    {
        var gaveUp = PlacementFacts.ForPlacing().After(new Reserve(), new ReservationState.Unanswered("first"));

        var facts = gaveUp.After(new Release(), new ReservationState.Unanswered("second"));

        Assert.Multiple(() =>
        {
            Assert.That(facts.Abandoned!.Reason, Is.EqualTo("first"));
            Assert.That(facts.Waiting, Is.EqualTo(new Unanswered(Unanswered.Inventory, "second")));
        });
    }

    [TestCase(PlacementGoal.Recover)]
    [TestCase(PlacementGoal.Cancel)]
    [TestCase(PlacementGoal.Settle)]
    public void Anything_but_a_new_placement_waits_on_its_first_unanswered_call(PlacementGoal goal)
    {
        var facts = PlacementFacts.ForSettling(goal).After(new AskPayment(), new PaymentState.Unanswered("down"));

        Assert.Multiple(() =>
        {
            Assert.That(facts.Waiting, Is.EqualTo(new Unanswered(Unanswered.Payment, "down")));
            Assert.That(facts.Abandoned, Is.Null);
        });
    }

    [Test]
    public void A_charge_that_never_reached_the_provider_leaves_the_payment_not_asked()
    {
        var reserved = PlacementFacts.ForPlacing() with { Reservation = new ReservationState.Reserved() };

        var facts = reserved.After(new Charge(), new PaymentState.Unanswered("connection refused", MayHaveActed: false));

        Assert.Multiple(() =>
        {
            Assert.That(facts.Payment, Is.TypeOf<PaymentState.NotAsked>(), "nothing to refund");
            Assert.That(facts.Abandoned!.Dependency, Is.EqualTo(Unanswered.Payment));
        });
    }

    [Test]
    public void A_charge_that_may_have_reached_the_provider_leaves_the_payment_unknown()
    {
        var reserved = PlacementFacts.ForPlacing() with { Reservation = new ReservationState.Reserved() };

        var facts = reserved.After(new Charge(), new PaymentState.Unanswered("deadline exceeded"));

        Assert.That(facts.Payment, Is.TypeOf<PaymentState.Unknown>(), "it may have charged: refund to be sure");
    }

    [Test]
    public void A_refused_step_is_remembered_and_the_state_it_was_refused_in_is_asked_again()
    {
        var facts = PlacementFacts.ForSettling(PlacementGoal.Recover)
            .After(new Commit(), new ReservationState.Refused("reservation is released"));

        Assert.Multiple(() =>
        {
            Assert.That(facts.Refusal, Is.EqualTo(new Refusal(new Commit(), "reservation is released")));
            Assert.That(facts.Reservation, Is.TypeOf<ReservationState.Unknown>());
        });
    }

    [Test]
    public void A_release_refused_because_the_stock_is_sold_makes_an_unapproved_payment_worth_asking_again()
    {
        var facts = new PlacementFacts(PlacementGoal.Recover, new ReservationState.Unknown(), new PaymentState.None())
            .After(new Release(), new ReservationState.Committed());

        Assert.Multiple(() =>
        {
            Assert.That(facts.Reservation, Is.TypeOf<ReservationState.Committed>());
            Assert.That(facts.Payment, Is.TypeOf<PaymentState.Unknown>(), "a charge may have landed since the payment was read");
        });
    }

    [Test]
    public void A_release_refused_because_the_stock_is_sold_keeps_an_approved_payment()
    {
        var facts = new PlacementFacts(PlacementGoal.Place, new ReservationState.Unknown(), new PaymentState.Approved())
            .After(new Release(), new ReservationState.Committed());

        Assert.That(facts.Payment, Is.TypeOf<PaymentState.Approved>());
    }

    [TestCase(typeof(PlacementStep.Charge), Unanswered.Payment)]
    [TestCase(typeof(PlacementStep.Refund), Unanswered.Payment)]
    [TestCase(typeof(PlacementStep.Commit), Unanswered.Inventory)]
    [TestCase(typeof(PlacementStep.Return), Unanswered.Inventory)]
    public void A_refusal_names_the_service_that_refused(Type step, string dependency)
    {
        var refusal = new Refusal((PlacementStep)Activator.CreateInstance(step)!, "no");

        Assert.That(refusal.Dependency, Is.EqualTo(dependency));
    }
}
