using Orders.Application.Orders.CreateOrder;

namespace Orders.UnitTests.Application;

public sealed class RequestFingerprintTests
{
    private static readonly CreateOrderCommand Request = new("u1", [new("p1", 2), new("p2", 1)], "key-1");

    [Test]
    public void A_fingerprint_is_a_hex_sha256() =>
        Assert.That(RequestFingerprint.Of(Request), Does.Match("^[0-9a-f]{64}$"));

    [Test]
    public void The_order_of_the_items_does_not_change_the_fingerprint() =>
        Assert.That(RequestFingerprint.Of(Request with { Items = [new("p2", 1), new("p1", 2)] }), Is.EqualTo(RequestFingerprint.Of(Request)));

    [Test]
    public void The_key_itself_is_not_part_of_the_fingerprint() =>
        Assert.That(RequestFingerprint.Of(Request with { IdempotencyKey = "other" }), Is.EqualTo(RequestFingerprint.Of(Request)));

    [Test]
    public void Another_quantity_product_or_user_is_another_request()
    {
        var fingerprints = new[]
        {
            RequestFingerprint.Of(Request),
            RequestFingerprint.Of(Request with { Items = [new("p1", 3), new("p2", 1)] }),
            RequestFingerprint.Of(Request with { Items = [new("p1", 2), new("p3", 1)] }),
            RequestFingerprint.Of(Request with { UserId = "u2" }),
            RequestFingerprint.Of(Request with { Items = [new("p1", 2)] }),
        };

        Assert.That(fingerprints, Is.Unique);
    }

    [Test]
    public void Fields_can_not_run_into_each_other() =>
        Assert.That(
            RequestFingerprint.Of(new CreateOrderCommand("u1", [new("p1", 12)])),
            Is.Not.EqualTo(RequestFingerprint.Of(new CreateOrderCommand("u1", [new("p11", 2)]))));
}
