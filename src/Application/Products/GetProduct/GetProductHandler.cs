using Mediator;
using Orders.Application.Abstractions;
using Orders.Domain.Orders;

namespace Orders.Application.Products.GetProduct;

/// <summary>One product with its current stock; an id no product could have is simply not found.</summary>
public sealed class GetProductHandler(IProductCatalog catalog) : IQueryHandler<GetProductQuery, ProductLookup>
{
    public async ValueTask<ProductLookup> Handle(GetProductQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrWhiteSpace(query.ProductId) || query.ProductId.Length > ProductId.MaxLength)
        {
            return ProductLookup.Missing;
        }

        return await catalog.FindAsync(new ProductId(query.ProductId), cancellationToken);
    }
}
