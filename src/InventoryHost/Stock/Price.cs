namespace Orders.InventoryHost.Stock;

/// <summary>A unit price in one ISO 4217 currency; decimal, never floating point.</summary>
public sealed record Price(decimal Amount, string Currency);
