using Grpc.Core;
using Orders.InventoryHost.Stock;

namespace Orders.InventoryHost.Grpc;

/// <summary>The one place where the ledger's refusals become gRPC status codes.</summary>
internal static class StockFailureStatus
{
    /// <summary>The value of a successful result; a refusal is thrown as the matching <see cref="RpcException"/>.</summary>
    public static T ValueOrThrow<T>(this StockResult<T> result) =>
        result.Failure is { } failure ? throw ToRpcException(failure) : result.Value;

    public static RpcException ToRpcException(StockFailure failure) => new(new Status(ToStatusCode(failure.Kind), failure.Message));

    private static StatusCode ToStatusCode(StockFailureKind kind) => kind switch
    {
        StockFailureKind.InvalidRequest => StatusCode.InvalidArgument,
        StockFailureKind.NotFound => StatusCode.NotFound,
        StockFailureKind.Conflict => StatusCode.AlreadyExists,
        StockFailureKind.WrongState => StatusCode.FailedPrecondition,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown stock failure."),
    };
}
