namespace Orders.Domain.Orders;

/// <summary>
/// The client's name for one attempt to place an order: retries under the same key place it once.
/// 1..64 printable ASCII characters, unique per user.
/// </summary>
public readonly record struct IdempotencyKey
{
    public const int MaxLength = 64;

    public IdempotencyKey(string value)
    {
        if (!IsWellFormed(value))
        {
            throw new ArgumentException($"An idempotency key is 1..{MaxLength} printable ASCII characters.", nameof(value));
        }

        Value = value;
    }

    public string Value { get; }

    public static bool IsWellFormed(string? value) =>
        value is { Length: > 0 and <= MaxLength } && value.All(character => character is >= ' ' and <= '~');

    public override string ToString() => Value;
}
