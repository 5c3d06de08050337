using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
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

    /// <summary>
    /// The event of this tracked order's pending change, or null when its status did not change to a published one.
    /// EF Core's change tracking knows the status that was read (the original value) and the one about to be stored.
    /// </summary>
    internal static OutboxMessage? OfPendingChange(EntityEntry<Order> entry)
    {
        var status = entry.Property(order => order.Status);
        if (entry.State != EntityState.Modified || status.OriginalValue == status.CurrentValue)
        {
            return null;
        }

        var wireName = WireNameConverter<OrderStatus>.ToWire(status.CurrentValue);
        return PublishedStatuses.Contains(wireName) ? OrderEventEnvelope.Create(entry.Entity, TypePrefix + wireName) : null;
    }
}
