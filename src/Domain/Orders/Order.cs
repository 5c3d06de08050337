using Orders.Domain.Common;

namespace Orders.Domain.Orders;

/// <summary>
/// An order and its lifecycle: <c>pending</c> until its placement ends in <c>confirmed</c>, <c>rejected</c>,
/// <c>payment_declined</c> or <c>failed</c>; a confirmed order may be <c>cancelled</c>. An order whose stock and payment
/// can't be reconciled is <c>needs_attention</c> until an operator settles it.
/// </summary>
public sealed class Order
{
    public const int MaxLines = 100;
    public const int MaxReasonLength = 500;

    private readonly List<OrderLine> _lines = [];

    private Order(OrderId id, UserId userId, DateTimeOffset createdAt)
    {
        Id = id;
        UserId = userId;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
        Status = OrderStatus.Pending;
    }

    public OrderId Id { get; }

    public UserId UserId { get; }

    public IReadOnlyList<OrderLine> Lines => _lines;

    /// <summary>What was asked for, line by line, as the inventory is asked to reserve it.</summary>
    public IReadOnlyList<RequestedLine> RequestedLines => [.. _lines.Select(line => new RequestedLine(line.ProductId, line.Quantity))];

    public OrderStatus Status { get; private set; }

    /// <summary>Σ quantity × unit price; known once the stock is reserved.</summary>
    public Money? Total { get; private set; }

    public string? Currency => Total?.Currency;

    /// <summary>Why the order was rejected, declined, failed or needs attention.</summary>
    public string? StatusReason { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The client's key for placing this order, when it sent one; unique per user.</summary>
    public IdempotencyKey? IdempotencyKey { get; private set; }

    /// <summary>What the request under <see cref="IdempotencyKey"/> asked for, so a replay can be told from a different request.</summary>
    public string? RequestFingerprint { get; private set; }

    public static Order Place(OrderId id, UserId userId, IReadOnlyCollection<RequestedLine> lines, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count is 0 or > MaxLines)
        {
            throw new ArgumentOutOfRangeException(nameof(lines), lines.Count, $"An order has 1..{MaxLines} lines.");
        }

        if (lines.Select(line => line.ProductId).Distinct().Count() != lines.Count)
        {
            throw new ArgumentException("An order names each product once.", nameof(lines));
        }

        var order = new Order(id, userId, now);
        order._lines.AddRange(lines.Select(line => new OrderLine(line.ProductId, line.Quantity)));
        return order;
    }

    /// <summary>Places an order under the client's idempotency key; <paramref name="requestFingerprint"/> identifies what was asked.</summary>
    public static Order Place(
        OrderId id, UserId userId, IReadOnlyCollection<RequestedLine> lines, DateTimeOffset now, IdempotencyKey idempotencyKey, string requestFingerprint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestFingerprint);
        var order = Place(id, userId, lines, now);
        order.IdempotencyKey = idempotencyKey;
        order.RequestFingerprint = requestFingerprint;
        return order;
    }

    /// <summary>The inventory's unit prices: each line gets its own and the order its total. Allowed until the order ends.</summary>
    public void Price(IReadOnlyCollection<PricedLine> prices, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(prices);
        EnsureUnsettled("be priced");

        var byProduct = prices.ToDictionary(price => price.ProductId, price => price.UnitPrice);
        var missing = _lines.Where(line => !byProduct.ContainsKey(line.ProductId)).Select(line => line.ProductId.Value).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"No price for {string.Join(", ", missing)}.", nameof(prices));
        }

        var currency = byProduct[_lines[0].ProductId].Currency;
        var total = Money.Zero(currency);
        foreach (var line in _lines)
        {
            total = total.Add(byProduct[line.ProductId].Times(line.Quantity));
        }

        foreach (var line in _lines)
        {
            line.Price(byProduct[line.ProductId]);
        }

        Total = total;
        UpdatedAt = now;
    }

    /// <summary>The stock is sold and the payment approved; only a priced order can be confirmed.</summary>
    public void Confirm(DateTimeOffset now)
    {
        EnsureUnsettled("be confirmed");
        if (Total is null)
        {
            throw new InvalidOrderTransitionException(Id, Status, "be confirmed without prices");
        }

        End(OrderStatus.Confirmed, reason: null, now);
    }

    /// <summary>Too little stock or an unknown product: nothing was reserved.</summary>
    public void Reject(string reason, DateTimeOffset now)
    {
        EnsureUnsettled("be rejected");
        End(OrderStatus.Rejected, reason, now);
    }

    /// <summary>The payment was declined; the reservation has been released.</summary>
    public void DeclinePayment(string reason, DateTimeOffset now)
    {
        EnsureUnsettled("have its payment declined");
        End(OrderStatus.PaymentDeclined, reason, now);
    }

    /// <summary>The order could not be placed; whatever was held or charged for it has been given back.</summary>
    public void Fail(string reason, DateTimeOffset now)
    {
        EnsureUnsettled("fail");
        End(OrderStatus.Failed, reason, now);
    }

    /// <summary>A confirmed order's stock went back and its payment was refunded.</summary>
    public void Cancel(DateTimeOffset now)
    {
        if (Status != OrderStatus.Confirmed)
        {
            throw new InvalidOrderTransitionException(Id, Status, "be cancelled");
        }

        End(OrderStatus.Cancelled, reason: null, now);
    }

    /// <summary>
    /// The services answered, but what they hold can't be reconciled by the placement policy: an operator decides.
    /// A pending order, or a confirmed one whose cancellation found its stock or payment not as confirmed, may end here;
    /// one that needs attention already takes the newer reason.
    /// </summary>
    public void NeedAttention(string reason, DateTimeOffset now)
    {
        if (Status is not (OrderStatus.Pending or OrderStatus.Confirmed or OrderStatus.NeedsAttention))
        {
            throw new InvalidOrderTransitionException(Id, Status, "need attention");
        }

        End(OrderStatus.NeedsAttention, reason, now);
    }

    /// <summary>Pending, or waiting for an operator: the order's placement has not ended.</summary>
    private void EnsureUnsettled(string attempted)
    {
        if (Status is not (OrderStatus.Pending or OrderStatus.NeedsAttention))
        {
            throw new InvalidOrderTransitionException(Id, Status, attempted);
        }
    }

    private void End(OrderStatus status, string? reason, DateTimeOffset now)
    {
        if (reason is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(reason);
            reason = reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason;
        }

        Status = status;
        StatusReason = reason;
        UpdatedAt = now;
    }
}
