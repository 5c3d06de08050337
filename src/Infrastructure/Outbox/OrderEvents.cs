using System.Collections.Frozen;
using Orders.Domain.Orders;
using Orders.Infrastructure.Persistence.Configurations;

namespace Orders.Infrastructure.Outbox;

/// <summary>
/// Which changes of an order other systems hear of: reaching a final status, or <c>needs_attention</c>. The event
/// type is <c>order.</c> and the status's wire name (<c>order.payment_declined</c>), which is also the routing key.
/// </summary>
public static class OrderEvents
{
    public const string TypePrefix = "order.";

    /// <summary>The CloudEvents <c>source</c> of every order event.</summary>
    public const string Source = "/orders";

    /// <summary>The statuses whose reaching is published, by wire name, so a status added to the domain needs only its name here.</summary>
    public static readonly FrozenSet<string> PublishedStatuses =
        FrozenSet.Create(StringComparer.Ordinal, "confirmed", "payment_declined", "rejected", "failed", "cancelled", "needs_attention");

    public static IEnumerable<string> Types => PublishedStatuses.Order(StringComparer.Ordinal).Select(status => TypePrefix + status);

    /// <summary>The event of the order's change from <paramref name="read"/>, or null when it did not reach a published status.</summary>
    internal static OutboxMessage? OfChange(OrderStatus read, Order order)
    {
        if (order.Status == read)
        {
            return null;
        }

        var wireName = WireNameConverter<OrderStatus>.ToWire(order.Status);
        return PublishedStatuses.Contains(wireName) ? OrderEventEnvelope.Create(order, TypePrefix + wireName) : null;
    }
}
