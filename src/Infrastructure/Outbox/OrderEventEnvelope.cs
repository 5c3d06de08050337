using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Orders.Application.Orders;
using Orders.Domain.Orders;

namespace Orders.Infrastructure.Outbox;

/// <summary>
/// An order event as a CloudEvents 1.0 structured-mode JSON document: the envelope's attributes and, as <c>data</c>,
/// the order exactly as <c>GET /orders/{id}</c> returns it (snake_case, the REST contract's names). Written by hand:
/// eight attributes do not need the SDK (docs/adr/0009).
/// </summary>
public static class OrderEventEnvelope
{
    public const string SpecVersion = "1.0";

    /// <summary>The AMQP content type of a structured-mode CloudEvent in JSON.</summary>
    public const string ContentType = "application/cloudevents+json";

    public const string DataContentType = "application/json";

    /// <summary>The REST contract's JSON names, so <c>data</c> reads like the order the API returns.</summary>
    public static readonly JsonSerializerOptions DataJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
    };

    internal static OutboxMessage Create(Order order, string type)
    {
        var id = Guid.CreateVersion7(order.UpdatedAt);
        var envelope = new Envelope(
            SpecVersion,
            id.ToString(),
            OrderEvents.Source,
            type,
            order.Id.Value.ToString(),
            order.UpdatedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            DataContentType,
            OrderDto.From(order));
        return new OutboxMessage(id, order.Id.Value, type, JsonSerializer.Serialize(envelope, DataJson), order.UpdatedAt);
    }

    private sealed record Envelope(
        [property: JsonPropertyName("specversion")] string SpecVersion,
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("source")] string Source,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("subject")] string Subject,
        [property: JsonPropertyName("time")] string Time,
        [property: JsonPropertyName("datacontenttype")] string DataContentType,
        [property: JsonPropertyName("data")] OrderDto Data);
}
