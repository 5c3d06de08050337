using Orders.Domain.Common;

namespace Orders.Domain.Orders;

public sealed class OrderLine
{
    public const int MinQuantity = 1;
    public const int MaxQuantity = 10_000;

    internal OrderLine(ProductId productId, int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, MinQuantity);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quantity, MaxQuantity);
        ProductId = productId;
        Quantity = quantity;
    }

    public ProductId ProductId { get; }

    public int Quantity { get; }

    /// <summary>Known once the stock is reserved: the inventory's price at that moment.</summary>
    public Money? UnitPrice { get; private set; }

    public Money? Subtotal => UnitPrice?.Times(Quantity);

    internal void Price(Money unitPrice) => UnitPrice = unitPrice;
}
