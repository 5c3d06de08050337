using System.Net;
using System.Text;
using NSubstitute;
using Orders.Application.Abstractions;
using Orders.Domain.Common;
using Orders.Domain.Orders;

namespace Orders.WebApi.FunctionalTests;

/// <summary>The Prometheus scrape endpoint of the WebApi shows what placing orders did.</summary>
public sealed class MetricsEndpointTests
{
    private EdgeFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _factory = new EdgeFactory();
        _factory.Inventory.ReserveAsync(default, default!, default)
            .ReturnsForAnyArgs(new ReservationState.Reserved { Prices = [new(new ProductId("p1"), new Money(9.99m, "EUR"))] });
        _factory.Inventory.CommitAsync(default, default).ReturnsForAnyArgs(new ReservationState.Committed());
        _factory.Payment.ChargeAsync(default!, default).ReturnsForAnyArgs(new PaymentState.Approved());
        _client = _factory.CreateClient();
    }

    [TearDown]
    public async Task TearDown()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Test]
    public async Task Metrics_count_a_confirmed_order_and_time_its_saga_steps()
    {
        using var placed = await _client.PostAsync(
            new Uri("/orders", UriKind.Relative),
            new StringContent("""{"user_id":"u1","items":[{"product_id":"p1","quantity":1}]}""", Encoding.UTF8, "application/json"));

        using var scrape = await _client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var metrics = await scrape.Content.ReadAsStringAsync();

        Assert.That(placed.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(scrape.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.Multiple(() =>
        {
            Assert.That(metrics, Does.Match("""orders_placed_total\{[^}]*outcome="confirmed"[^}]*\} [1-9]"""));
            Assert.That(metrics, Does.Match("""orders_saga_step_duration_seconds_count\{[^}]*step="charge"[^}]*\} [1-9]"""));
            Assert.That(metrics, Does.Match("""(?m)^dotnet_gc_heap_total_allocated_bytes_total(\{[^}]*\})? [1-9]"""), "the runtime's meter, which Bench reads");
        });
    }
}
