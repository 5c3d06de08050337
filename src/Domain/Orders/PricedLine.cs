using Orders.Domain.Common;

namespace Orders.Domain.Orders;

/// <summary>A reserved product with the unit price the inventory charged for it.</summary>
public readonly record struct PricedLine(ProductId ProductId, Money UnitPrice);
