using System.Net.Mime;
using System.Text;
using System.Text.Json;
using CloudNative.CloudEvents.SystemTextJson;
using Microsoft.Extensions.DependencyInjection;
using Orders.Application.Abstractions;
using Orders.Application.Orders;
using Orders.Domain.Orders;
using Orders.Infrastructure.Outbox;
using Orders.Infrastructure.Persistence;
using Orders.Testing;

namespace Orders.Infrastructure.IntegrationTests.Outbox;

/// <summary>Order events are written with the order, in its transaction, once per change to a published status.</summary>
public sealed class OrderEventRowTests
{
    private ServiceProvider _services = null!;

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        var server = await PostgresServer.GetOrIgnoreAsync();
        _services = InfrastructureServices.ForDatabase(await server.CreateDatabaseAsync("order_event_rows"));
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.MigrateOrdersDatabaseAsync(CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task DisposeServices()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    [TestCaseSource(typeof(OrderJourneys), nameof(OrderJourneys.PublishedStatuses))]
    public async Task Reaching_a_published_status_stores_exactly_one_event_of_its_type(string status)
    {
        var order = await OrderJourneys.PlaceAsync(_services, status);

        var rows = await OutboxDatabase.RowsOfAsync(_services, order.Id.Value);

        // A cancelled order was confirmed first, and that change was an event of its own.
        var expected = status == "cancelled" ? new[] { "order.confirmed", "order.cancelled" } : [$"order.{status}"];
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(row => row.Type), Is.EqualTo(expected));
            Assert.That(rows.Select(row => row.Id), Is.Unique);
            Assert.That(rows.Select(row => row.SentAt), Is.All.Null);
        });
    }

    [Test]
    public async Task Steps_that_keep_an_order_pending_store_no_event()
    {
        await using var scope = _services.CreateAsyncScope();
        var repository = scope.ServiceProvider.GetRequiredService<IOrderRepository>();
        var order = Order.Place(OrderId.New(), new UserId("outbox-user"), [new RequestedLine(new ProductId("p1"), 1)], OrderJourneys.Now());
        await repository.AddAsync(order, CancellationToken.None);
        OrderJourneys.Reserve(order);
        await repository.UpdateAsync(order, CancellationToken.None);

        Assert.That(await OutboxDatabase.RowsOfAsync(_services, order.Id.Value), Is.Empty);
    }

    [Test]
    public async Task An_update_that_loses_to_a_concurrent_one_stores_no_event()
    {
        var order = Order.Place(OrderId.New(), new UserId("outbox-user"), [new RequestedLine(new ProductId("p1"), 1)], OrderJourneys.Now());
        await using (var placing = _services.CreateAsyncScope())
        {
            await placing.ServiceProvider.GetRequiredService<IOrderRepository>().AddAsync(order, CancellationToken.None);
        }

        await using var first = _services.CreateAsyncScope();
        await using var second = _services.CreateAsyncScope();
        var firstRead = await first.ServiceProvider.GetRequiredService<IOrderRepository>().FindAsync(order.Id, CancellationToken.None);
        var secondRead = await second.ServiceProvider.GetRequiredService<IOrderRepository>().FindAsync(order.Id, CancellationToken.None);
        firstRead!.Reject("insufficient stock", OrderJourneys.Now());
        secondRead!.Fail("inventory unavailable", OrderJourneys.Now());
        await first.ServiceProvider.GetRequiredService<IOrderRepository>().UpdateAsync(firstRead, CancellationToken.None);

        Assert.ThrowsAsync<OrderConcurrencyException>(
            () => second.ServiceProvider.GetRequiredService<IOrderRepository>().UpdateAsync(secondRead, CancellationToken.None));
        Assert.That((await OutboxDatabase.RowsOfAsync(_services, order.Id.Value)).Select(row => row.Type), Is.EqualTo(new[] { "order.rejected" }));
    }

    [Test]
    public async Task Two_orders_changed_through_one_repository_each_store_their_own_event()
    {
        var one = await OrderJourneys.PlaceAsync(_services, "payment_declined");
        await using var scope = _services.CreateAsyncScope();
        var repository = scope.ServiceProvider.GetRequiredService<IOrderRepository>();
        var a = Order.Place(OrderId.New(), new UserId("outbox-user"), [new RequestedLine(new ProductId("p1"), 1)], OrderJourneys.Now());
        var b = Order.Place(OrderId.New(), new UserId("outbox-user"), [new RequestedLine(new ProductId("p1"), 1)], OrderJourneys.Now());
        await repository.AddAsync(a, CancellationToken.None);
        await repository.AddAsync(b, CancellationToken.None);

        a.Reject("insufficient stock", OrderJourneys.Now());
        b.Fail("inventory unavailable", OrderJourneys.Now());
        await repository.UpdateAsync(a, CancellationToken.None);
        await repository.UpdateAsync(b, CancellationToken.None);

        var rows = await OutboxDatabase.RowsOfAsync(_services, a.Id.Value, b.Id.Value, one.Id.Value);
        Assert.That(
            rows.Select(row => (row.OrderId, row.Type)),
            Is.EquivalentTo(new[] { (one.Id.Value, "order.payment_declined"), (a.Id.Value, "order.rejected"), (b.Id.Value, "order.failed") }));
    }

    [Test]
    public async Task The_event_is_a_CloudEvent_whose_data_is_the_order_as_the_api_returns_it()
    {
        var order = await OrderJourneys.PlaceAsync(_services, "confirmed");
        var row = (await OutboxDatabase.RowsOfAsync(_services, order.Id.Value)).Single();

        var cloudEvent = new JsonEventFormatter().DecodeStructuredModeMessage(
            Encoding.UTF8.GetBytes(row.Envelope), new ContentType(OrderEventEnvelope.ContentType), extensionAttributes: null);

        var expectedData = JsonSerializer.SerializeToElement(OrderDto.From(order), OrderEventEnvelope.DataJson);
        Assert.Multiple(() =>
        {
            Assert.That(cloudEvent.SpecVersion.VersionId, Is.EqualTo("1.0"));
            Assert.That(cloudEvent.Id, Is.EqualTo(row.Id.ToString()));
            Assert.That(cloudEvent.Type, Is.EqualTo("order.confirmed"));
            Assert.That(cloudEvent.Source, Is.EqualTo(new Uri(OrderEvents.Source, UriKind.RelativeOrAbsolute)));
            Assert.That(cloudEvent.Subject, Is.EqualTo(order.Id.Value.ToString()));
            Assert.That(cloudEvent.Time, Is.EqualTo(order.UpdatedAt));
            Assert.That(cloudEvent.DataContentType, Is.EqualTo("application/json"));
            Assert.That(JsonElement.DeepEquals((JsonElement)cloudEvent.Data!, expectedData), Is.True, $"data: {cloudEvent.Data}");
            Assert.That(((JsonElement)cloudEvent.Data!).GetProperty("status").GetString(), Is.EqualTo("confirmed"));
            Assert.That(((JsonElement)cloudEvent.Data!).GetProperty("user_id").GetString(), Is.EqualTo("outbox-user"));
        });
    }
}
