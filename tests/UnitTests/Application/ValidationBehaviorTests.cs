using Mediator;
using Orders.Application.Common;
using Orders.Application.Orders.CreateOrder;

namespace Orders.UnitTests.Application;

public sealed class ValidationBehaviorTests
{
    private readonly ValidationBehavior<CreateOrderCommand, CreateOrderResult> _behavior = new([new CreateOrderValidator()]);

    [Test]
    public async Task An_invalid_command_never_reaches_its_handler()
    {
        var handlerCalled = false;

        var result = await _behavior.Handle(
            new CreateOrderCommand("", [new("p1", 0)]),
            (_, _) => { handlerCalled = true; return default; },
            CancellationToken.None);

        Assert.That(handlerCalled, Is.False);
        var errors = ((CreateOrderResult.Rejected)result).Errors;
        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "UserId", "Items[0].Quantity" }));
        Assert.That(errors["Items[0].Quantity"], Has.Length.EqualTo(1));
    }

    [Test]
    public async Task A_valid_command_is_handed_to_its_handler()
    {
        var handled = new CreateOrderResult.DependencyUnavailable("inventory", null);

        var result = await _behavior.Handle(
            new CreateOrderCommand("u1", [new("p1", 1)]),
            (_, _) => new ValueTask<CreateOrderResult>(handled),
            CancellationToken.None);

        Assert.That(result, Is.SameAs(handled));
    }
}
