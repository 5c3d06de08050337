namespace Orders.WebApi.Products;

public sealed record ProductResponse(string ProductId, string Name, decimal UnitPrice, string Currency, int Available);
