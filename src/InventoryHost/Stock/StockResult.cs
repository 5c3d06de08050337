namespace Orders.InventoryHost.Stock;

/// <summary>Either the value of a ledger operation or the <see cref="StockFailure"/> that refused it.</summary>
public sealed class StockResult<T>
{
    private readonly T _value;

    private StockResult(T value, StockFailure? failure)
    {
        _value = value;
        Failure = failure;
    }

    public StockFailure? Failure { get; }

    public bool Succeeded => Failure is null;

    /// <summary>The value; reading it from a failed result is a bug.</summary>
    public T Value => Failure is null
        ? _value
        : throw new InvalidOperationException($"The operation failed ({Failure.Kind}): {Failure.Message}");

    public static StockResult<T> Success(T value) => new(value, null);

    public static StockResult<T> Refused(StockFailure failure) => new(default!, failure);

    public static implicit operator StockResult<T>(T value) => Success(value);

    public static implicit operator StockResult<T>(StockFailure failure) => Refused(failure);
}
