namespace Orders.Application.Orders.Placement;

/// <summary>A call to <paramref name="Dependency"/> that got no reliable answer.</summary>
public sealed record Unanswered(string Dependency, string Reason)
{
    public const string Inventory = "inventory";
    public const string Payment = "payment";

    public override string ToString() => $"{Dependency}: {Reason}";
}
