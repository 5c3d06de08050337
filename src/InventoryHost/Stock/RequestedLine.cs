namespace Orders.InventoryHost.Stock;

/// <summary>A product and how many units of it a reservation asks for.</summary>
public sealed record RequestedLine(string ProductId, int Quantity);
