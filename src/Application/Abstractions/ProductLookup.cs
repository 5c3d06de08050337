using Orders.Domain.Common;
using Orders.Domain.Orders;

namespace Orders.Application.Abstractions;

public abstract record ProductLookup
{
    public static readonly ProductLookup Missing = new NotFound();

    private ProductLookup()
    {
    }

    public sealed record Found(ProductId ProductId, string Name, Money UnitPrice, int Available) : ProductLookup;

    public sealed record NotFound : ProductLookup;

    public sealed record Unavailable(string Reason) : ProductLookup;
}
