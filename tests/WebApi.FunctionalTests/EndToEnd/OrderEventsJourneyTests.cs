using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orders.Infrastructure.Outbox;
using Orders.Testing;

namespace Orders.WebApi.FunctionalTests.EndToEnd;

/// <summary>
/// Order events end to end: orders placed and cancelled over HTTP, their events read from RabbitMQ by a consumer
/// bound to the orders exchange, each event's data held to <c>GET /orders/{id}</c> and to the AsyncAPI document.
/// </summary>
[NonParallelizable]
public sealed class OrderEventsJourneyTests
{
    private static readonly TimeSpan Arrival = TimeSpan.FromSeconds(30);

    private static RunningSystem System => EndToEndSetUp.System;

    [Test]
    public async Task A_confirmed_then_cancelled_order_and_a_rejected_one_publish_their_events_with_the_order_as_GET_returns_it()
    {
        await using var consumer = await OrderEventCollector.StartAsync(System.Broker.AmqpUri);
        var product = await System.NewProductAsync(available: 5);

        var confirmed = await PlaceAsync(product, quantity: 2, HttpStatusCode.Created);
        var confirmedEvent = await EventOfAsync(consumer, confirmed, "order.confirmed");
        var confirmedBody = await System.Http.GetStringAsync($"/orders/{confirmed}");
        (await System.Http.PostAsync($"/orders/{confirmed}/cancel", content: null)).EnsureSuccessStatusCode();
        var cancelledEvent = await EventOfAsync(consumer, confirmed, "order.cancelled");
        var cancelledBody = await System.Http.GetStringAsync($"/orders/{confirmed}");
        var rejected = await PlaceAsync(product, quantity: 999, HttpStatusCode.Conflict);
        var rejectedEvent = await EventOfAsync(consumer, rejected, "order.rejected");
        var rejectedBody = await System.Http.GetStringAsync($"/orders/{rejected}");

        Assert.Multiple(() =>
        {
            AssertSameJson(Data(confirmedEvent), confirmedBody);
            AssertSameJson(Data(cancelledEvent), cancelledBody);
            AssertSameJson(Data(rejectedEvent), rejectedBody);
            Assert.That(Data(rejectedEvent).GetProperty("status_reason").GetString(), Is.Not.Empty);
            Assert.That(consumer.Received.Where(e => Subject(e) == confirmed).Select(e => e.Type), Is.EqualTo(new[] { "order.confirmed", "order.cancelled" }));
        });
    }

    [Test]
    public async Task Every_published_event_is_what_the_AsyncAPI_document_says()
    {
        await using var consumer = await OrderEventCollector.StartAsync(System.Broker.AmqpUri);
        var product = await System.NewProductAsync(available: 5);
        var confirmed = await PlaceAsync(product, quantity: 1, HttpStatusCode.Created);
        (await System.Http.PostAsync($"/orders/{confirmed}/cancel", content: null)).EnsureSuccessStatusCode();
        var rejected = await PlaceAsync(product, quantity: 999, HttpStatusCode.Conflict);
        await EventOfAsync(consumer, confirmed, "order.cancelled");
        await EventOfAsync(consumer, rejected, "order.rejected");
        var document = AsyncApiDocument.Committed();

        var received = consumer.Received;
        Assert.That(received.Select(e => e.Type), Is.SupersetOf(new[] { "order.confirmed", "order.cancelled", "order.rejected" }));
        Assert.Multiple(() =>
        {
            foreach (var published in received)
            {
                Assert.That(document.Violations(published.RoutingKey, published.Envelope.RootElement), Is.Empty, published.Body);
            }
        });
    }

    [Test]
    public void The_AsyncAPI_document_names_every_event_type_and_its_order_is_the_REST_contracts_order()
    {
        var document = AsyncApiDocument.Committed();
        var openApi = JsonDocument.Parse(File.ReadAllText(AsyncApiDocument.RepositoryFile("api", "openapi", "orders.v1.json")));

        var restOrder = openApi.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("OrderResponse").GetProperty("properties");
        var restItem = openApi.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("OrderItemResponse").GetProperty("properties");
        Assert.Multiple(() =>
        {
            Assert.That(document.MessageNames, Is.EquivalentTo(OrderEvents.Types));
            Assert.That(PropertyNames(document.Schema("Order")), Is.EquivalentTo(restOrder.EnumerateObject().Select(property => property.Name)));
            Assert.That(PropertyNames(document.Schema("OrderItem")), Is.EquivalentTo(restItem.EnumerateObject().Select(property => property.Name)));
        });
    }

    private static IEnumerable<string> PropertyNames(JsonElement schema) => schema.GetProperty("properties").EnumerateObject().Select(property => property.Name);

    private static async Task<string> PlaceAsync(string product, int quantity, HttpStatusCode expected)
    {
        var response = await System.Http.PostAsJsonAsync("/orders", new { user_id = "u1", items = new[] { new { product_id = product, quantity } } });
        Assert.That(response.StatusCode, Is.EqualTo(expected), await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.TryGetProperty("id", out var id) ? id.GetString()! : body.GetProperty("order_id").GetString()!;
    }

    private static async Task<ReceivedOrderEvent> EventOfAsync(OrderEventCollector consumer, string orderId, string type)
    {
        var received = await consumer.WaitForAsync(events => events.Any(e => Subject(e) == orderId && e.Type == type), Arrival);
        return received.Single(e => Subject(e) == orderId && e.Type == type);
    }

    private static string? Subject(ReceivedOrderEvent received) => received.Envelope.RootElement.GetProperty("subject").GetString();

    private static JsonElement Data(ReceivedOrderEvent received) => received.Envelope.RootElement.GetProperty("data");

    private static void AssertSameJson(JsonElement data, string body)
    {
        var read = JsonDocument.Parse(body).RootElement;
        Assert.That(JsonElement.DeepEquals(data, read), Is.True, $"event data {data} is not the order GET returns: {read}");
    }
}
