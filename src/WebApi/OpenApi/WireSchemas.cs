using Newtonsoft.Json.Linq;
using NJsonSchema.Generation;
using Orders.Application.Orders;
using Orders.Domain.Orders;
using Orders.WebApi.Orders;

namespace Orders.WebApi.OpenApi;

/// <summary>
/// What the schemas can't tell from the C# types alone: every field of a response is always present (null where
/// nullable), <c>status</c> takes one of the domain's wire names (new statuses appear here by themselves), and the
/// request's example is one that succeeds against the seeded stock.
/// </summary>
internal sealed class WireSchemas : ISchemaProcessor
{
    public void Process(SchemaProcessorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = context.ContextualType.Type;
        var schema = context.Schema;
        if (type.Name.EndsWith("Response", StringComparison.Ordinal))
        {
            foreach (var name in schema.Properties.Keys)
            {
                schema.RequiredProperties.Add(name);
            }
        }

        if (type == typeof(OrderResponse) && schema.Properties.TryGetValue("status", out var status))
        {
            status.Description = "Where the order stands; more values may be added, so treat an unknown one as pending.";
            foreach (var name in Enum.GetValues<OrderStatus>().Select(OrderStatusName.Of))
            {
                status.Enumeration.Add(name);
            }
        }

        if (type == typeof(CreateOrderRequest))
        {
            schema.Example = JToken.Parse("""{"user_id":"u1","items":[{"product_id":"p1","quantity":2}]}""");
        }
    }
}
