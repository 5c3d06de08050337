namespace Orders.InventoryHost.Configuration;

/// <summary>Where the stock lives: <c>Inventory:Mongo</c>.</summary>
public sealed class MongoStoreOptions
{
    public const string Section = "Inventory:Mongo";

    /// <summary><c>Inventory:Mongo:ConnectionString</c>, e.g. mongodb://127.0.0.1:27017.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary><c>Inventory:Mongo:Database</c>.</summary>
    public string Database { get; set; } = "inventory";
}
