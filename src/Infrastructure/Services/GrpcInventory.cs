using Grpc.Core;
using Mapster;
using Orders.Application.Abstractions;
using Orders.Contracts.Inventory.V1;
using Orders.Domain.Orders;

namespace Orders.Infrastructure.Services;

/// <summary>
/// <see cref="IInventory"/> over the Inventory gRPC service. Expected refusals and unanswered calls become outcomes;
/// any other gRPC status is a bug on one side or the other and is thrown.
/// </summary>
internal sealed class GrpcInventory(Inventory.InventoryClient client, ServiceDeadline deadline, TypeAdapterConfig mapping) : IInventory
{
    private const string Service = "Inventory";

    public async Task<ReservationOutcome> ReserveAsync(OrderId reservationId, IReadOnlyList<RequestedLine> lines, CancellationToken cancellationToken)
    {
        var request = new ReserveRequest
        {
            ReservationId = reservationId.Adapt<string>(mapping),
            Lines = { lines.Adapt<List<StockLine>>(mapping) },
        };

        try
        {
            var reply = await client.ReserveAsync(request, deadline.For(cancellationToken)).ConfigureAwait(false);
            return reply.OutcomeCase switch
            {
                ReserveReply.OutcomeOneofCase.Reserved => new ReservationOutcome.Reserved(PricedLines(reply.Reserved)),
                ReserveReply.OutcomeOneofCase.Rejected => new ReservationOutcome.Refused(
                    reply.Rejected.Shortages.Adapt<List<StockShortage>>(mapping),
                    reply.Rejected.UnknownProductIds.Adapt<List<ProductId>>(mapping)),
                _ => throw new InvalidOperationException($"{Service}.Reserve replied without an outcome for reservation {reservationId}."),
            };
        }
        catch (RpcException exception) when (RpcFailure.IsUnavailable(exception))
        {
            return new ReservationOutcome.Unavailable(RpcFailure.Describe(Service, "Reserve", exception));
        }
    }

    public Task<StepOutcome> ReleaseAsync(OrderId reservationId, CancellationToken cancellationToken) =>
        RemoteStep.RunAsync(
            Service,
            "Release",
            async () => await client.ReleaseAsync(new ReleaseRequest { ReservationId = reservationId.Adapt<string>(mapping) }, deadline.For(cancellationToken)).ConfigureAwait(false),
            StatusCode.FailedPrecondition);

    public Task<StepOutcome> CommitAsync(OrderId reservationId, CancellationToken cancellationToken) =>
        RemoteStep.RunAsync(
            Service,
            "Commit",
            async () => await client.CommitAsync(new CommitRequest { ReservationId = reservationId.Adapt<string>(mapping) }, deadline.For(cancellationToken)).ConfigureAwait(false),
            StatusCode.FailedPrecondition, StatusCode.NotFound);

    public Task<StepOutcome> ReturnAsync(OrderId reservationId, CancellationToken cancellationToken) =>
        RemoteStep.RunAsync(
            Service,
            "Return",
            async () => await client.ReturnAsync(new ReturnRequest { ReservationId = reservationId.Adapt<string>(mapping) }, deadline.For(cancellationToken)).ConfigureAwait(false),
            StatusCode.FailedPrecondition, StatusCode.NotFound);

    public async Task<ReservationState> GetReservationAsync(OrderId reservationId, CancellationToken cancellationToken)
    {
        try
        {
            var request = new GetReservationRequest { ReservationId = reservationId.Adapt<string>(mapping) };
            var reply = await client.GetReservationAsync(request, deadline.For(cancellationToken)).ConfigureAwait(false);
            return reply.Status switch
            {
                ReservationStatus.Pending or ReservationStatus.Reserved => ReservationState.Held,
                ReservationStatus.Committed => ReservationState.Committed,
                ReservationStatus.Released or ReservationStatus.Rejected or ReservationStatus.Returned => ReservationState.Released,
                ReservationStatus.None => ReservationState.None,
                _ => throw new InvalidOperationException($"{Service}.GetReservation replied {reply.Status} for reservation {reservationId}."),
            };
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.NotFound)
        {
            return ReservationState.None;
        }
        catch (RpcException exception) when (RpcFailure.IsUnavailable(exception))
        {
            return new ReservationState.Unavailable(RpcFailure.Describe(Service, "GetReservation", exception));
        }
    }

    private List<PricedLine> PricedLines(Reserved reserved)
    {
        // A reserved line without a price breaks the contract; pricing it as zero would sell for nothing.
        if (reserved.Lines.FirstOrDefault(line => line.UnitPrice is null) is { } unpriced)
        {
            throw new InvalidOperationException($"{Service}.Reserve returned no unit price for product '{unpriced.ProductId}'.");
        }

        return reserved.Lines.Adapt<List<PricedLine>>(mapping);
    }
}
