namespace Orders.PaymentHost.Configuration;

/// <summary>Where the emulator keeps its payments: <c>ConnectionStrings:Payments</c>, a PostgreSQL database.</summary>
public sealed class PaymentStoreOptions
{
    public const string ConnectionStringName = "Payments";

    /// <summary>From <c>ConnectionStrings:Payments</c>; the host creates the database and its table when missing.</summary>
    public string ConnectionString { get; set; } = "";
}
