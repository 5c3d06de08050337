using Orders.Domain.Orders;

namespace Orders.Application.Abstractions;

/// <summary>Read access to the Inventory service's products: names, prices and what is available now.</summary>
public interface IProductCatalog
{
    Task<ProductLookup> FindAsync(ProductId productId, CancellationToken cancellationToken);

    /// <summary>Stock administration: sets what is available of an existing product (idempotent: an absolute value).</summary>
    Task<ProductLookup> SetStockAsync(ProductId productId, int available, CancellationToken cancellationToken);
}
