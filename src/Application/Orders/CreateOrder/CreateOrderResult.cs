using Orders.Application.Abstractions;
using Orders.Application.Common;

namespace Orders.Application.Orders.CreateOrder;

/// <summary>Every way placing an order can end; each maps to one HTTP answer.</summary>
public abstract record CreateOrderResult : IValidatedResult<CreateOrderResult>
{
    private CreateOrderResult()
    {
    }

    public static CreateOrderResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new Rejected(errors);

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

    /// <summary>
    /// A dependency failed. What the saga had done is undone, or (when even that failed) left recorded on the
    /// pending order for the recovery job. <paramref name="OrderId"/> is null when nothing was stored.
    /// </summary>
    public sealed record DependencyUnavailable(string Dependency, Guid? OrderId) : CreateOrderResult;
}
