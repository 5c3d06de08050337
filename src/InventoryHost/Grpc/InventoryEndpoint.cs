using Grpc.Core;
using Orders.InventoryHost.Stock;
using Orders.InventoryHost.Telemetry;
using V1 = Orders.Contracts.Inventory.V1;

namespace Orders.InventoryHost.Grpc;

/// <summary>The <c>Inventory</c> gRPC service: maps messages to the <see cref="StockLedger"/> and <see cref="ProductCatalog"/> and back.</summary>
internal sealed class InventoryEndpoint(StockLedger ledger, ProductCatalog catalog) : V1.Inventory.InventoryBase
{
    public override async Task<V1.ReserveReply> Reserve(V1.ReserveRequest request, ServerCallContext context)
    {
        var result = await ledger.ReserveAsync(request.ReservationId, request.Lines.ToRequestedLines(), context.CancellationToken);
        InventoryTelemetry.RecordReservation(result);
        return result.ValueOrThrow().ToReply();
    }

    public override async Task<V1.ReleaseReply> Release(V1.ReleaseRequest request, ServerCallContext context)
    {
        var result = await ledger.ReleaseAsync(request.ReservationId, context.CancellationToken);
        return new V1.ReleaseReply { Status = result.ValueOrThrow().ToContract() };
    }

    public override async Task<V1.CommitReply> Commit(V1.CommitRequest request, ServerCallContext context)
    {
        var result = await ledger.CommitAsync(request.ReservationId, context.CancellationToken);
        return new V1.CommitReply { Status = result.ValueOrThrow().ToContract() };
    }

    public override async Task<V1.ReturnReply> Return(V1.ReturnRequest request, ServerCallContext context)
    {
        var result = await ledger.ReturnAsync(request.ReservationId, context.CancellationToken);
        return new V1.ReturnReply { Status = result.ValueOrThrow().ToContract() };
    }

    public override async Task<V1.Reservation> GetReservation(V1.GetReservationRequest request, ServerCallContext context)
    {
        var reservation = await ledger.GetReservationAsync(request.ReservationId, context.CancellationToken);
        return reservation?.ToContract()
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"reservation {request.ReservationId} does not exist"));
    }

    public override async Task<V1.GetProductsReply> GetProducts(V1.GetProductsRequest request, ServerCallContext context)
    {
        var products = await catalog.GetProductsAsync(request.ProductIds, context.CancellationToken);
        return new V1.GetProductsReply { Products = { products.Select(p => p.ToContract()) } };
    }
}
