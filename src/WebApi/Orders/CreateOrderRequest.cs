using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Orders.Domain.Orders;

namespace Orders.WebApi.Orders;

/// <summary>The body of <c>POST /orders</c>. A missing or null required field is a 400 naming it, not a crash.</summary>
/// <remarks>The limits below are documentation; the use case's validator enforces the same constants.</remarks>
public sealed record CreateOrderRequest(
    [property: Description("The user the order is for. With authentication on it may be left out (the token's subject is used); another user's id is a 403.")]
    [property: StringLength(UserId.MaxLength, MinimumLength = 1)]
    string? UserId,
    [property: JsonRequired, Description("What to order: one line per product, each product at most once.")]
    [property: MinLength(1), MaxLength(Order.MaxLines)]
    IReadOnlyList<CreateOrderRequestItem> Items);

/// <summary>One line of an order request.</summary>
public sealed record CreateOrderRequestItem(
    [property: JsonRequired, Description("The product's id, as in GET /products/{id}.")]
    [property: StringLength(ProductId.MaxLength, MinimumLength = 1)]
    string ProductId,
    [property: JsonRequired, Description("How many units.")]
    [property: Range(OrderLine.MinQuantity, OrderLine.MaxQuantity)]
    int Quantity);
