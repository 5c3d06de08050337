using Grpc.Core;

namespace Orders.Infrastructure.Services;

/// <summary>Which gRPC failures mean "no reliable answer" (the step may or may not have happened) rather than a bug.</summary>
internal static class RpcFailure
{
    public static bool IsUnavailable(RpcException exception) => exception.StatusCode is
        StatusCode.Unavailable
        or StatusCode.DeadlineExceeded
        or StatusCode.ResourceExhausted
        or StatusCode.Aborted
        // grpc-dotnet reports a stream broken mid-reply as INTERNAL and a call torn down by the other side as CANCELLED
        // (our own cancellation surfaces as OperationCanceledException instead).
        or StatusCode.Internal
        or StatusCode.Cancelled;

    public static string Describe(string service, string method, RpcException exception) =>
        $"{service}.{method} failed with {exception.StatusCode}: {exception.Status.Detail}";
}
