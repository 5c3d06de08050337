namespace Orders.Contracts.Common.V1;

public sealed partial class Money
{
    private const decimal NanosPerUnit = 1_000_000_000m;

    public static Money FromDecimal(decimal amount, string currencyCode)
    {
        var units = decimal.Truncate(amount);
        return new Money
        {
            CurrencyCode = currencyCode,
            Units = (long)units,
            Nanos = (int)((amount - units) * NanosPerUnit),
        };
    }

    public decimal ToDecimal() => Units + Nanos / NanosPerUnit;
}
