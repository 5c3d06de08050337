using Grpc.Core;
using Orders.Application.Abstractions;
using Orders.Contracts.Inventory.V1;
using Orders.Domain.Orders;

namespace Orders.Infrastructure.Services;

/// <summary><see cref="IProductCatalog"/> over the Inventory gRPC service's GetProducts and InventoryAdmin's SetStock.</summary>
internal sealed class GrpcProductCatalog(
    Inventory.InventoryClient client, InventoryAdmin.InventoryAdminClient admin, ServiceDeadline deadline)
    : IProductCatalog
{
    public async Task<ProductLookup> FindAsync(ProductId productId, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await client.GetProductsAsync(
                new GetProductsRequest { ProductIds = { productId.Value } }, deadline.For(cancellationToken)).ConfigureAwait(false);
            return reply.Products.FirstOrDefault(product => product.ProductId == productId.Value) is { } product
                ? new ProductLookup.Found(productId, product.Name, product.UnitPrice.ToDomain(), product.Available)
                : ProductLookup.Missing;
        }
        catch (RpcException exception) when (RpcFailure.IsUnavailable(exception))
        {
            return new ProductLookup.Unavailable(RpcFailure.Describe("Inventory", "GetProducts", exception));
        }
    }

    public async Task<ProductLookup> SetStockAsync(ProductId productId, int available, CancellationToken cancellationToken)
    {
        try
        {
            var product = await admin.SetStockAsync(
                new SetStockRequest { ProductId = productId.Value, Available = available }, deadline.For(cancellationToken)).ConfigureAwait(false);
            return new ProductLookup.Found(productId, product.Name, product.UnitPrice.ToDomain(), product.Available);
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.NotFound)
        {
            return ProductLookup.Missing;
        }
        catch (RpcException exception) when (RpcFailure.IsUnavailable(exception))
        {
            return new ProductLookup.Unavailable(RpcFailure.Describe("InventoryAdmin", "SetStock", exception));
        }
    }
}
