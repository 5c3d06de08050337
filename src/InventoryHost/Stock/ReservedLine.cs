namespace Orders.InventoryHost.Stock;

/// <summary>A line of a reservation; <see cref="UnitPrice"/> is known once its stock is held.</summary>
public sealed record ReservedLine(string ProductId, int Quantity, Price? UnitPrice);
