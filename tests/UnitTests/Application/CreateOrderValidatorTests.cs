using Orders.Application.Orders.CreateOrder;

namespace Orders.UnitTests.Application;

public sealed class CreateOrderValidatorTests
{
    private readonly CreateOrderValidator _validator = new();

    [Test]
    public void A_well_formed_order_is_valid() =>
        Assert.That(_validator.Validate(new CreateOrderCommand("u1", [new("p1", 2)])).IsValid, Is.True);

    [TestCase("")]
    [TestCase(null)]
    public void User_id_is_required(string? userId) =>
        Assert.That(ErrorKeys(new CreateOrderCommand(userId!, [new("p1", 1)])), Is.EqualTo(new[] { "UserId" }));

    [Test]
    public void User_id_is_at_most_sixty_four_characters()
    {
        Assert.That(ErrorKeys(new CreateOrderCommand(new string('u', 65), [new("p1", 1)])), Is.EqualTo(new[] { "UserId" }));
        Assert.That(ErrorKeys(new CreateOrderCommand(new string('u', 64), [new("p1", 1)])), Is.Empty);
    }

    [Test]
    public void An_order_needs_an_item() =>
        Assert.That(ErrorKeys(new CreateOrderCommand("u1", [])), Is.EqualTo(new[] { "Items" }));

    [Test]
    public void Missing_items_are_an_error_not_a_crash() =>
        Assert.That(ErrorKeys(new CreateOrderCommand("u1", null!)), Is.EqualTo(new[] { "Items" }));

    [Test]
    public void An_order_has_at_most_a_hundred_items()
    {
        CreateOrderItem[] Items(int count) => [.. Enumerable.Range(0, count).Select(i => new CreateOrderItem($"p{i}", 1))];

        Assert.That(ErrorKeys(new CreateOrderCommand("u1", Items(101))), Is.EqualTo(new[] { "Items" }));
        Assert.That(ErrorKeys(new CreateOrderCommand("u1", Items(100))), Is.Empty);
    }

    [TestCase("")]
    [TestCase(null)]
    public void Each_item_needs_a_product_id(string? productId) =>
        Assert.That(ErrorKeys(new CreateOrderCommand("u1", [new("p1", 1), new(productId!, 1)])), Is.EqualTo(new[] { "Items[1].ProductId" }));

    [Test]
    public void A_product_id_is_at_most_sixty_four_characters() =>
        Assert.That(ErrorKeys(new CreateOrderCommand("u1", [new(new string('p', 65), 1)])), Is.EqualTo(new[] { "Items[0].ProductId" }));

    [TestCase(0)]
    [TestCase(-5)]
    [TestCase(10_001)]
    public void Quantity_is_one_to_ten_thousand(int quantity) =>
        Assert.That(ErrorKeys(new CreateOrderCommand("u1", [new("p1", quantity)])), Is.EqualTo(new[] { "Items[0].Quantity" }));

    [TestCase(1)]
    [TestCase(10_000)]
    public void Quantity_at_the_bounds_is_valid(int quantity) =>
        Assert.That(ErrorKeys(new CreateOrderCommand("u1", [new("p1", quantity)])), Is.Empty);

    [Test]
    public void A_null_item_is_an_error_on_that_item() =>
        Assert.That(ErrorKeys(new CreateOrderCommand("u1", [new("p1", 1), null!])), Is.EqualTo(new[] { "Items[1]" }));

    [Test]
    public void A_product_listed_twice_is_rejected_not_merged() =>
        Assert.That(
            ErrorKeys(new CreateOrderCommand("u1", [new("p1", 1), new("p2", 1), new("p1", 3)])),
            Is.EqualTo(new[] { "Items[2].ProductId" }));

    [Test]
    public void Every_broken_rule_is_reported_at_once() =>
        Assert.That(
            ErrorKeys(new CreateOrderCommand("", [new("", 0), new("p2", 20_000)])),
            Is.EquivalentTo(new[] { "UserId", "Items[0].ProductId", "Items[0].Quantity", "Items[1].Quantity" }));

    [TestCase("k")]
    [TestCase("order-2026-11-28 #1 ~!")]
    public void A_printable_ascii_idempotency_key_is_valid(string key) =>
        Assert.That(ErrorKeys(new CreateOrderCommand("u1", [new("p1", 1)], key)), Is.Empty);

    [TestCase("")]
    [TestCase("tab\tkey")]
    [TestCase("clé")]
    [TestCase("new\nline")]
    public void An_idempotency_key_outside_printable_ascii_is_invalid(string key) =>
        Assert.That(ErrorKeys(new CreateOrderCommand("u1", [new("p1", 1)], key)), Is.EqualTo(new[] { "IdempotencyKey" }));

    [Test]
    public void An_idempotency_key_is_at_most_sixty_four_characters()
    {
        Assert.That(ErrorKeys(new CreateOrderCommand("u1", [new("p1", 1)], new string('k', 65))), Is.EqualTo(new[] { "IdempotencyKey" }));
        Assert.That(ErrorKeys(new CreateOrderCommand("u1", [new("p1", 1)], new string('k', 64))), Is.Empty);
    }

    private string[] ErrorKeys(CreateOrderCommand command) =>
        [.. _validator.Validate(command).Errors.Select(error => error.PropertyName).Distinct()];
}
