using Orders.Domain.Common;
using Orders.Domain.Orders;

namespace Orders.UnitTests.Domain;

public sealed class ValueTypeTests
{
    [Test]
    public void Money_adds_amounts_of_one_currency() =>
        Assert.That(new Money(0.1m, "EUR").Add(new Money(0.2m, "EUR")), Is.EqualTo(new Money(0.3m, "EUR")));

    [Test]
    public void Money_never_mixes_currencies() =>
        Assert.That(() => new Money(1m, "EUR").Add(new Money(1m, "USD")), Throws.InvalidOperationException);

    [Test]
    public void Money_multiplies_by_a_quantity_exactly() =>
        Assert.That(new Money(19.99m, "EUR").Times(3), Is.EqualTo(new Money(59.97m, "EUR")));

    [Test]
    public void Money_is_never_negative() =>
        Assert.That(() => new Money(-0.01m, "EUR"), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [TestCase("eur")]
    [TestCase("EU")]
    [TestCase("EURO")]
    [TestCase("")]
    [TestCase("E1R")]
    public void Money_needs_an_iso_currency_code(string currency) =>
        Assert.That(() => new Money(1m, currency), Throws.ArgumentException);

    [Test]
    public void Product_and_user_ids_are_one_to_sixty_four_characters()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new ProductId(""), Throws.ArgumentException);
            Assert.That(() => new ProductId(" "), Throws.ArgumentException);
            Assert.That(() => new ProductId(new string('p', 65)), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(new ProductId(new string('p', 64)).Value, Has.Length.EqualTo(64));
            Assert.That(() => new UserId(""), Throws.ArgumentException);
            Assert.That(() => new UserId(new string('u', 65)), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(new UserId("u1").ToString(), Is.EqualTo("u1"));
        });
    }
}
