namespace Orders.InventoryHost.Stock;

/// <summary>A product that has fewer units available than a reservation asked for.</summary>
public sealed record StockShortage(string ProductId, int Requested, int Available);
