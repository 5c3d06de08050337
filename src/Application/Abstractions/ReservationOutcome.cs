using Orders.Domain.Orders;

namespace Orders.Application.Abstractions;

public abstract record ReservationOutcome
{
    private ReservationOutcome()
    {
    }

    /// <summary>Every line is held, priced by the inventory.</summary>
    public sealed record Reserved(IReadOnlyList<PricedLine> Lines) : ReservationOutcome;

    /// <summary>Nothing is held: some products are short, some unknown.</summary>
    public sealed record Refused(IReadOnlyList<StockShortage> Shortages, IReadOnlyList<ProductId> UnknownProducts) : ReservationOutcome;

    /// <summary>The inventory did not answer; stock may or may not be held.</summary>
    public sealed record Unavailable(string Reason) : ReservationOutcome;
}
