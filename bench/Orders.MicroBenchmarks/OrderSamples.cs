using Orders.Application.Orders.CreateOrder;
using Orders.Domain.Common;
using Orders.Domain.Orders;
using Orders.WebApi.Orders;

namespace Orders.MicroBenchmarks;

/// <summary>One order of n lines (products p1..pn, two of each, 12.50 EUR apiece) in every shape the hot path sees it.</summary>
internal static class OrderSamples
{
    public const string UserId = "u1";
    public const string Currency = "EUR";
    public const int Quantity = 2;
    public const decimal UnitPrice = 12.50m;

    public static readonly DateTimeOffset PlacedAt = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public static string ProductId(int line) => $"p{line + 1}";

    public static CreateOrderCommand Command(int lines) =>
        new(UserId, [.. Enumerable.Range(0, lines).Select(line => new CreateOrderItem(ProductId(line), Quantity))]);

    public static CreateOrderRequest Request(int lines) =>
        new(UserId, [.. Enumerable.Range(0, lines).Select(line => new CreateOrderRequestItem(ProductId(line), Quantity))]);

    /// <summary>The lines as the handler hands them to the inventory port.</summary>
    public static IReadOnlyList<RequestedLine> RequestedLines(int lines) =>
        [.. Enumerable.Range(0, lines).Select(line => new RequestedLine(new ProductId(ProductId(line)), Quantity))];

    public static IReadOnlyList<PricedLine> Prices(int lines) =>
        [.. Enumerable.Range(0, lines).Select(line => new PricedLine(new ProductId(ProductId(line)), new Money(UnitPrice, Currency)))];

    public static OrderResponse Response(int lines) => new(
        Guid.CreateVersion7(PlacedAt),
        UserId,
        "confirmed",
        [.. Enumerable.Range(0, lines).Select(line => new OrderItemResponse(ProductId(line), Quantity, UnitPrice))],
        UnitPrice * Quantity * lines,
        Currency,
        StatusReason: null,
        PlacedAt,
        PlacedAt);
}
