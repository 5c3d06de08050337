using System.Collections.Concurrent;
using Grpc.Core;
using Orders.Contracts.Inventory.V1;

namespace Orders.Infrastructure.IntegrationTests.Services;

/// <summary>An Inventory service that answers each call as the test scripted it and remembers what it was asked.</summary>
internal sealed class ScriptedInventory : Inventory.InventoryBase
{
    public Func<ReserveRequest, ServerCallContext, Task<ReserveReply>> OnReserve { get; set; } =
        (_, _) => throw new RpcException(new Status(StatusCode.Unimplemented, "Reserve is not scripted."));

    public Func<ReleaseRequest, Task<ReleaseReply>> OnRelease { get; set; } =
        _ => Task.FromResult(new ReleaseReply { Status = ReservationStatus.Released });

    public Func<CommitRequest, Task<CommitReply>> OnCommit { get; set; } =
        _ => Task.FromResult(new CommitReply { Status = ReservationStatus.Committed });

    public Func<ReturnRequest, Task<ReturnReply>> OnReturn { get; set; } =
        _ => Task.FromResult(new ReturnReply { Status = ReservationStatus.Returned });

    public ConcurrentQueue<string> Returns { get; } = new();

    public Func<GetReservationRequest, Task<Reservation>> OnGetReservation { get; set; } =
        request => throw new RpcException(new Status(StatusCode.NotFound, $"reservation {request.ReservationId} does not exist"));

    public ConcurrentQueue<ReserveRequest> Reserves { get; } = new();

    public ConcurrentQueue<string> Releases { get; } = new();

    public ConcurrentQueue<string> Commits { get; } = new();

    public override Task<ReserveReply> Reserve(ReserveRequest request, ServerCallContext context)
    {
        Reserves.Enqueue(request);
        return OnReserve(request, context);
    }

    public override Task<ReleaseReply> Release(ReleaseRequest request, ServerCallContext context)
    {
        Releases.Enqueue(request.ReservationId);
        return OnRelease(request);
    }

    public override Task<CommitReply> Commit(CommitRequest request, ServerCallContext context)
    {
        Commits.Enqueue(request.ReservationId);
        return OnCommit(request);
    }

    public override Task<ReturnReply> Return(ReturnRequest request, ServerCallContext context)
    {
        Returns.Enqueue(request.ReservationId);
        return OnReturn(request);
    }

    public override Task<Reservation> GetReservation(GetReservationRequest request, ServerCallContext context) => OnGetReservation(request);
}
