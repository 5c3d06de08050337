using Orders.Application.Abstractions;
using Orders.Application.Common;
using Orders.Application.Orders.Placement;
using Orders.Domain.Orders;

namespace Orders.Application.Orders.CreateOrder;

/// <summary>Every way placing an order can end; each maps to one HTTP answer.</summary>
public abstract record CreateOrderResult : IValidatedResult<CreateOrderResult>
{
    private CreateOrderResult()
    {
    }

    public static CreateOrderResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new Rejected(errors);

    /// <summary>The tag of the <c>orders.placed</c> metric: how the placement ended, in snake_case.</summary>
    public string Outcome => this switch
    {
        Confirmed => "confirmed",
        InsufficientStock => "insufficient_stock",
        UnknownProducts => "unknown_products",
        PaymentDeclined => "payment_declined",
        Replayed => "replayed",
        InProgress => "in_progress",
        IdempotencyKeyReused => "idempotency_key_reused",
        DependencyUnavailable => "dependency_unavailable",
        NeedsAttention => "needs_attention",
        _ => "invalid",
    };

    /// <summary>What a placement's end means for the client that asked for it.</summary>
    public static CreateOrderResult Of(PlacementEnd end) => end switch
    {
        PlacementEnd.Stored { Order: var order, Facts: var facts } => order.Status switch
        {
            OrderStatus.Confirmed => new Confirmed(OrderDto.From(order)),
            OrderStatus.Rejected when facts.Reservation is ReservationState.Rejected { UnknownProducts.Count: > 0 } rejected =>
                new UnknownProducts(OrderDto.From(order), [.. rejected.UnknownProducts.Select(id => id.Value)]),
            OrderStatus.Rejected when facts.Reservation is ReservationState.Rejected rejected =>
                new InsufficientStock(OrderDto.From(order), rejected.Shortages),
            OrderStatus.PaymentDeclined => new PaymentDeclined(OrderDto.From(order), order.StatusReason!),
            OrderStatus.NeedsAttention => new NeedsAttention(OrderDto.From(order)),
            _ => new DependencyUnavailable(facts.Abandoned?.Dependency ?? facts.Refusal?.Dependency ?? Unanswered.OrderStore, order.Id.Value),
        },
        PlacementEnd.Waiting waiting => new DependencyUnavailable((waiting.Facts.Abandoned ?? waiting.Cause).Dependency, waiting.Order.Id.Value),
        PlacementEnd.NotStored notStored => new DependencyUnavailable(Unanswered.OrderStore, notStored.Order.Id.Value),
        _ => throw new InvalidOperationException($"Unknown placement end {end.GetType().Name}."),
    };

    /// <summary>Stock taken, payment approved: the order is confirmed.</summary>
    public sealed record Confirmed(OrderDto Order) : CreateOrderResult;

    /// <summary>The request broke a rule; nothing was stored.</summary>
    public sealed record Rejected(IReadOnlyDictionary<string, string[]> Errors) : CreateOrderResult;

    /// <summary>Some products are short; the order is stored as rejected and nothing is held.</summary>
    public sealed record InsufficientStock(OrderDto Order, IReadOnlyList<StockShortage> Shortages) : CreateOrderResult;

    /// <summary>Some products don't exist; the order is stored as rejected and nothing is held.</summary>
    public sealed record UnknownProducts(OrderDto Order, IReadOnlyList<string> ProductIds) : CreateOrderResult;

    /// <summary>The payment was declined; the reservation is released.</summary>
    public sealed record PaymentDeclined(OrderDto Order, string Reason) : CreateOrderResult;

    /// <summary>An earlier request with the same idempotency key and body placed this order; nothing was done again.</summary>
    public sealed record Replayed(OrderDto Order) : CreateOrderResult;

    /// <summary>The idempotency key was used before for a request that asked for something else; nothing was done.</summary>
    public sealed record IdempotencyKeyReused(string IdempotencyKey) : CreateOrderResult;

    /// <summary>An earlier request with the same idempotency key is still placing this order; retry shortly.</summary>
    public sealed record InProgress(Guid OrderId) : CreateOrderResult;

    /// <summary>The services answered what can't be reconciled: the order is stored as needs_attention for an operator.</summary>
    public sealed record NeedsAttention(OrderDto Order) : CreateOrderResult;

    /// <summary>
    /// A dependency failed. What the placement had done is undone, or (when even that failed) the order is left pending
    /// for the recovery job. <paramref name="OrderId"/> is null when nothing was stored.
    /// </summary>
    public sealed record DependencyUnavailable(string Dependency, Guid? OrderId) : CreateOrderResult;
}
