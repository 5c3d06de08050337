namespace Orders.Infrastructure.Persistence;

/// <summary>The orders database: <c>ConnectionStrings:Orders</c> and the <c>Database</c> section.</summary>
public sealed class OrdersDatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "Orders";

    /// <summary>From <c>ConnectionStrings:Orders</c>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary><c>Database:MigrateOnStartup</c>: apply pending migrations (creating the database if missing) when the host starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
