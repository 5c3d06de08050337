using System.Net;
using System.Text.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using NSubstitute;
using Orders.Application.Abstractions;
using Orders.Domain.Common;
using Orders.Domain.Orders;
using Orders.Testing;

namespace Orders.WebApi.FunctionalTests;

/// <summary>The bulkhead in front of the saga: placements beyond the limit wait, and beyond the queue are shed unstored.</summary>
public sealed class PlacementLimitTests
{
    private const string Body = """{"user_id":"u1","items":[{"product_id":"p1","quantity":1}]}""";

    [Test]
    public async Task A_placement_beyond_the_limit_and_the_queue_is_503_with_retry_after_and_stores_nothing()
    {
        using var edge = new EdgeFactory();
        var inventoryAnswers = new TaskCompletionSource<ReservationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        edge.Inventory.ReserveAsync(default, default!, default).ReturnsForAnyArgs(_ => inventoryAnswers.Task);
        edge.Inventory.CommitAsync(default, default).ReturnsForAnyArgs(new ReservationState.Committed());
        edge.Payment.ChargeAsync(default!, default).ReturnsForAnyArgs(new PaymentState.Approved());
        await using var factory = edge.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Placement:MaxConcurrent", "1");
            builder.UseSetting("Placement:MaxQueued", "0");
        });
        using var client = factory.CreateClient();

        var first = PostAsync(client);
        while (edge.Orders.Orders.Count == 0)
        {
            await Task.Delay(10);
        }

        using var shed = await PostAsync(client);
        inventoryAnswers.SetResult(new ReservationState.Reserved { Prices = [new(new ProductId("p1"), new Money(1m, "EUR"))] });
        using var placed = await first;

        Assert.That(shed.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(shed.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(shed.Headers.RetryAfter, Is.Not.Null);
        var problem = JsonDocument.Parse(await shed.Content.ReadAsStringAsync()).RootElement;
        Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo("/problems/dependency-unavailable"));
        Assert.That(placed.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(edge.Orders.Orders, Has.Count.EqualTo(1), "only the placement that ran was stored");
    }

    [TestCase("Placement:MaxConcurrent", "0")]
    [TestCase("Placement:MaxQueued", "-1")]
    public async Task The_api_does_not_start_with_a_placement_limit_out_of_range(string setting, string value)
    {
        using var edge = new EdgeFactory();

        var error = await StartupFailure.OfAsync(
            () => edge.WithWebHostBuilder(builder => builder.UseSetting(setting, value)),
            factory => _ = factory.Server);

        Assert.That(error, Is.TypeOf<OptionsValidationException>().With.Message.Contain(setting));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client) =>
        client.PostAsync(new Uri("/orders", UriKind.Relative), new StringContent(Body, Encoding.UTF8, "application/json"));
}
