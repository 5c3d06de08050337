using Orders.Domain.Orders;

namespace Orders.Application.Abstractions;

/// <summary>Read access to the Inventory service's products: names, prices and what is available now.</summary>
public interface IProductCatalog
{
    Task<ProductLookup> FindAsync(ProductId productId, CancellationToken cancellationToken);
}
