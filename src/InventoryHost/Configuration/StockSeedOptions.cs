namespace Orders.InventoryHost.Configuration;

/// <summary>Products put in an empty store at start: <c>Inventory:Seed</c>.</summary>
public sealed class StockSeedOptions
{
    public const string Section = "Inventory:Seed";

    /// <summary><c>Inventory:Seed:Products</c>.</summary>
    public IList<SeedProduct> Products { get; } = [];
}

public sealed class SeedProduct
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public decimal UnitPrice { get; set; }

    public string Currency { get; set; } = "";

    public int Available { get; set; }
}
