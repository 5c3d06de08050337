namespace Orders.Domain.Orders;

public readonly record struct ProductId
{
    public const int MaxLength = 64;

    public ProductId(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value.Length, MaxLength, nameof(value));
        Value = value;
    }

    public string Value { get; }

    public override string ToString() => Value;
}
