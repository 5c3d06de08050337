namespace Orders.InventoryHost.Stock;

/// <summary>What an administrator sets for a product; <see cref="InitialStock"/> applies only to a new product.</summary>
public sealed record ProductListing(string ProductId, string Name, Price UnitPrice, int InitialStock);
