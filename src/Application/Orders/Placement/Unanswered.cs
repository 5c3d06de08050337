namespace Orders.Application.Orders.Placement;

/// <summary>A call to <paramref name="Dependency"/> that got no reliable answer; the names are those the 503 problem gives.</summary>
public sealed record Unanswered(string Dependency, string Reason)
{
    public const string Inventory = "inventory";
    public const string Payment = "payment";
    public const string OrderStore = "order-store";

    public override string ToString() => $"{Dependency}: {Reason}";
}
