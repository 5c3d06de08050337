namespace Orders.WebApi.Products;

/// <summary>The body of <c>PUT /products/{id}/stock</c>.</summary>
public sealed record SetStockRequest(int Available);
