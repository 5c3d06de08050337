using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Orders.WebApi.Orders;

/// <summary>The body of <c>POST /orders</c>. A missing or null required field is a 400 naming it, not a crash.</summary>
/// <param name="UserId">The user the order is for. With authentication on it may be left out: the token's subject is used.</param>
/// <param name="Items">What to order: 1..100 lines, each product at most once.</param>
public sealed record CreateOrderRequest(
    [property: Description("The user the order is for; with authentication on it may be left out (the token's subject is used), and another user's id is a 403.")]
    string? UserId,
    [property: JsonRequired, Description("What to order: 1..100 lines, each product at most once.")]
    IReadOnlyList<CreateOrderRequestItem?> Items);

/// <summary>One line of an order request.</summary>
public sealed record CreateOrderRequestItem(
    [property: JsonRequired, Description("The product's id, as in GET /products/{id}.")]
    string ProductId,
    [property: JsonRequired, Description("How many units: 1..10,000.")]
    int Quantity);
