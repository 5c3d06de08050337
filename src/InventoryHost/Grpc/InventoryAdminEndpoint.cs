using Grpc.Core;
using Orders.InventoryHost.Stock;
using V1 = Orders.Contracts.Inventory.V1;

namespace Orders.InventoryHost.Grpc;

/// <summary>The <c>InventoryAdmin</c> gRPC service: product listings and stock levels.</summary>
internal sealed class InventoryAdminEndpoint(ProductCatalog catalog) : V1.InventoryAdmin.InventoryAdminBase
{
    public override async Task<V1.Product> UpsertProduct(V1.UpsertProductRequest request, ServerCallContext context)
    {
        if (request.UnitPrice is null)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "unit_price is required"));
        }

        var listing = new ProductListing(request.ProductId, request.Name, request.UnitPrice.ToPrice(), request.Available);
        var result = await catalog.UpsertProductAsync(listing, context.CancellationToken);
        return result.ValueOrThrow().ToContract();
    }

    public override async Task<V1.Product> SetStock(V1.SetStockRequest request, ServerCallContext context)
    {
        var result = await catalog.SetStockAsync(request.ProductId, request.Available, context.CancellationToken);
        return result.ValueOrThrow().ToContract();
    }
}
