namespace Orders.InventoryHost.Stock;

/// <summary>A product with the units nobody holds yet.</summary>
public sealed record Product(string ProductId, string Name, Price UnitPrice, int Available);
