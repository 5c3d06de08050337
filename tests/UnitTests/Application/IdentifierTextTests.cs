using Orders.Application.Common;
using Orders.Application.Orders.CreateOrder;

namespace Orders.UnitTests.Application;

public sealed class IdentifierTextTests
{
    [TestCase("u1")]
    [TestCase("kunde-äöü")]
    [TestCase("用户42")]
    [TestCase("emoji-\U0001F600")]
    public void Letters_digits_and_paired_surrogates_are_clean(string id) =>
        Assert.That(IdentifierText.IsClean(id), Is.True);

    [TestCase("u\u00001", TestName = "NUL")]
    [TestCase("u\u001b1", TestName = "ESC")]
    [TestCase("u\u007f1", TestName = "DEL")]
    [TestCase("u\u00851", TestName = "NEXT LINE (C1 control)")]
    [TestCase("u\u202e1", TestName = "RIGHT-TO-LEFT OVERRIDE")]
    [TestCase("u\u200b1", TestName = "ZERO WIDTH SPACE")]
    [TestCase("\ufeffu1", TestName = "BYTE ORDER MARK")]
    [TestCase("u\U000E0001", TestName = "LANGUAGE TAG (a format character outside the BMP)")]
    public void Control_and_format_characters_and_lone_surrogates_are_not(string id) =>
        Assert.That(IdentifierText.IsClean(id), Is.False);

    // Built at run time: a lone surrogate in an attribute's string does not survive compilation (it becomes U+FFFD).
    [TestCase(0xD800, TestName = "a lone high surrogate")]
    [TestCase(0xDC00, TestName = "a lone low surrogate")]
    public void A_lone_surrogate_is_not_clean(int surrogate) =>
        Assert.That(IdentifierText.IsClean($"u{(char)surrogate}1"), Is.False);

    [Test]
    public void An_order_naming_a_product_with_a_control_character_is_invalid_at_that_field()
    {
        var result = new CreateOrderValidator().Validate(new CreateOrderCommand("u1", [new("p\u00001", 1)]));

        Assert.That(result.Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "Items[0].ProductId" }));
    }
}
