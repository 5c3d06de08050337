using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NSubstitute;
using Orders.Application.Abstractions;
using Orders.Domain.Common;
using Orders.Domain.Orders;

namespace Orders.WebApi.FunctionalTests.Security;

/// <summary>With Auth:Enabled=false (the local run) the README's examples work without a token, as before.</summary>
public sealed class AuthOffTests
{
    [Test]
    public async Task With_auth_off_the_seed_example_places_an_order_for_the_body_user_without_a_token()
    {
        await using var edge = new EdgeFactory();
        edge.Inventory.ReserveAsync(default, default!, default)
            .ReturnsForAnyArgs(new ReservationState.Reserved { Prices = [new(new ProductId("p1"), new Money(19.50m, "EUR"))] });
        edge.Inventory.CommitAsync(default, default).ReturnsForAnyArgs(new ReservationState.Committed());
        edge.Payment.ChargeAsync(default!, default).ReturnsForAnyArgs(new PaymentState.Approved());
        using var client = edge.CreateClient();

        using var placed = await client.PostAsync(new Uri("/orders", UriKind.Relative), new StringContent(
            """{"user_id":"u1","items":[{"product_id":"p1","quantity":2}]}""", Encoding.UTF8, "application/json"));
        var listed = await client.GetFromJsonAsync<JsonElement>(new Uri("/orders?user_id=u1", UriKind.Relative));

        Assert.That(placed.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(listed.GetProperty("items").GetArrayLength(), Is.EqualTo(1));
    }
}
