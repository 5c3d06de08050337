using Grpc.Core;
using Orders.Application.Abstractions;
using Orders.Contracts.Inventory.V1;
using Orders.Domain.Orders;
using Reservation = Orders.Contracts.Inventory.V1.Reservation;

namespace Orders.Infrastructure.Services;

/// <summary>
/// <see cref="IInventory"/> over the Inventory gRPC service: each answer, refusal or unanswered call becomes the
/// <see cref="ReservationState"/> it reveals; any other gRPC status is a bug on one side or the other and is thrown.
/// </summary>
internal sealed class GrpcInventory(Inventory.InventoryClient client, ServiceDeadline deadline) : IInventory
{
    private const string Service = "Inventory";

    public Task<ReservationState> ReserveAsync(OrderId reservationId, IReadOnlyList<RequestedLine> lines, CancellationToken cancellationToken) =>
        CallAsync("Reserve", async () =>
        {
            var reply = await client.ReserveAsync(reservationId.ToReserveRequest(lines), deadline.For(cancellationToken)).ConfigureAwait(false);
            return reply.OutcomeCase switch
            {
                ReserveReply.OutcomeOneofCase.Reserved => new ReservationState.Reserved { Prices = reply.Reserved.Lines.ToPricedLines("Reserve") },
                ReserveReply.OutcomeOneofCase.Rejected => reply.Rejected.ToDomain(),
                _ => throw new InvalidOperationException($"{Service}.Reserve replied without an outcome for reservation {reservationId}."),
            };
        },
        // A reserve arriving after its id was released takes nothing (inventory.proto).
        refused: _ => new ReservationState.Released());

    public Task<ReservationState> ReleaseAsync(OrderId reservationId, CancellationToken cancellationToken) =>
        CallAsync("Release", async () =>
        {
            await client.ReleaseAsync(new ReleaseRequest { ReservationId = reservationId.ToContract() }, deadline.For(cancellationToken)).ConfigureAwait(false);
            return new ReservationState.Released();
        },
        // Release fails only once the stock is sold (inventory.proto).
        refused: _ => new ReservationState.Committed());

    public Task<ReservationState> CommitAsync(OrderId reservationId, CancellationToken cancellationToken) =>
        CallAsync("Commit", async () =>
        {
            await client.CommitAsync(new CommitRequest { ReservationId = reservationId.ToContract() }, deadline.For(cancellationToken)).ConfigureAwait(false);
            return new ReservationState.Committed();
        });

    public Task<ReservationState> ReturnAsync(OrderId reservationId, CancellationToken cancellationToken) =>
        CallAsync("Return", async () =>
        {
            await client.ReturnAsync(new ReturnRequest { ReservationId = reservationId.ToContract() }, deadline.For(cancellationToken)).ConfigureAwait(false);
            return new ReservationState.Returned();
        });

    public Task<ReservationState> GetReservationAsync(OrderId reservationId, CancellationToken cancellationToken) =>
        CallAsync("GetReservation", async () =>
        {
            var request = new GetReservationRequest { ReservationId = reservationId.ToContract() };
            var reply = await client.GetReservationAsync(request, deadline.For(cancellationToken)).ConfigureAwait(false);
            return ToState(reply) with { Prices = reply.Lines.All(line => line.UnitPrice is not null) ? reply.Lines.ToPricedLines("GetReservation") : [] };
        });

    private static ReservationState ToState(Reservation reservation) => reservation.Status switch
    {
        // Pending: lines are being taken; to the order that is as good as held, and a release undoes either.
        ReservationStatus.Pending or ReservationStatus.Reserved => new ReservationState.Reserved(),
        ReservationStatus.Committed => new ReservationState.Committed(),
        ReservationStatus.Released or ReservationStatus.Rejected => new ReservationState.Released(),
        ReservationStatus.Returned => new ReservationState.Returned(),
        ReservationStatus.None => new ReservationState.None(),
        _ => throw new InvalidOperationException($"{Service}.GetReservation replied {reservation.Status} for reservation {reservation.ReservationId}."),
    };

    /// <summary>
    /// NOT_FOUND: the inventory never saw the id. FAILED_PRECONDITION: the step does not fit the reservation's state,
    /// which <paramref name="refused"/> names when the contract says which it is. No reliable answer: unanswered.
    /// </summary>
    private static async Task<ReservationState> CallAsync(
        string method, Func<Task<ReservationState>> call, Func<RpcException, ReservationState>? refused = null)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.NotFound)
        {
            return new ReservationState.None();
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.FailedPrecondition)
        {
            return refused?.Invoke(exception) ?? new ReservationState.Refused(RpcFailure.Describe(Service, method, exception));
        }
        catch (RpcException exception) when (RpcFailure.IsUnavailable(exception))
        {
            return new ReservationState.Unanswered(RpcFailure.Describe(Service, method, exception));
        }
    }
}
