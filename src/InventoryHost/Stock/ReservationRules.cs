namespace Orders.InventoryHost.Stock;

/// <summary>What a well-formed request to the ledger looks like; anything else is refused before it touches stock.</summary>
public static class ReservationRules
{
    public const int MaxIdLength = 64;
    public const int MaxQuantityPerLine = 10_000;

    public static StockFailure? CheckReservationId(string reservationId) => CheckId("reservation id", reservationId);

    public static StockFailure? CheckReserve(string reservationId, IReadOnlyList<RequestedLine> lines)
    {
        if (CheckReservationId(reservationId) is { } badId)
        {
            return badId;
        }

        if (lines.Count == 0)
        {
            return Invalid("a reservation needs at least one line");
        }

        foreach (var line in lines)
        {
            if (CheckId("product id", line.ProductId) is { } badProduct)
            {
                return badProduct;
            }

            if (line.Quantity is < 1 or > MaxQuantityPerLine)
            {
                return Invalid($"quantity of {line.ProductId} must be between 1 and {MaxQuantityPerLine}, not {line.Quantity}");
            }
        }

        var repeated = lines.GroupBy(l => l.ProductId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return repeated is null ? null : Invalid($"product {repeated.Key} appears in more than one line");
    }

    public static StockFailure? CheckListing(ProductListing listing)
    {
        if (CheckId("product id", listing.ProductId) is { } badId)
        {
            return badId;
        }

        if (string.IsNullOrWhiteSpace(listing.Name))
        {
            return Invalid($"product {listing.ProductId} needs a name");
        }

        if (CheckPrice(listing.UnitPrice) is { } badPrice)
        {
            return badPrice;
        }

        return CheckStock(listing.InitialStock);
    }

    public static StockFailure? CheckStock(int available) =>
        available < 0 ? Invalid($"available stock can't be negative ({available})") : null;

    public static StockFailure? CheckPrice(Price price)
    {
        if (price.Amount < 0)
        {
            return Invalid($"a unit price can't be negative ({price.Amount})");
        }

        return IsCurrencyCode(price.Currency) ? null : Invalid($"'{price.Currency}' is not an ISO 4217 currency code");
    }

    public static bool IsCurrencyCode(string currency) => currency is { Length: 3 } && currency.All(char.IsAsciiLetterUpper);

    public static StockFailure? CheckId(string what, string id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return Invalid($"{what} is required");
        }

        return id.Length > MaxIdLength ? Invalid($"{what} is longer than {MaxIdLength} characters") : null;
    }

    private static StockFailure Invalid(string message) => new(StockFailureKind.InvalidRequest, message);
}
