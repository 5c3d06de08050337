using Orders.Application.Abstractions;
using Orders.Application.Common;

namespace Orders.Application.Products.SetStock;

public abstract record SetStockResult : IValidatedResult<SetStockResult>
{
    private SetStockResult()
    {
    }

    public static SetStockResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new Rejected(errors);

    public sealed record Set(ProductLookup.Found Product) : SetStockResult;

    public sealed record Rejected(IReadOnlyDictionary<string, string[]> Errors) : SetStockResult;

    public sealed record NotFound : SetStockResult;

    public sealed record Unavailable(string Reason) : SetStockResult;
}
