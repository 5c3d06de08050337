namespace Orders.Domain.Orders;

/// <summary>A product and how many of it a customer asks for.</summary>
public readonly record struct RequestedLine(ProductId ProductId, int Quantity);
