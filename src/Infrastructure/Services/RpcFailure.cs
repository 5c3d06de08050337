using System.Net.Sockets;
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
        // grpc-dotnet reports a stream broken mid-reply as INTERNAL and a call torn down (by the other side, or by a
        // caller that went away) as CANCELLED: either way there is no reliable answer.
        or StatusCode.Internal
        or StatusCode.Cancelled;

    /// <summary>
    /// True only when the call certainly never reached the service: every attempt had its connection refused.
    /// Anything else (a deadline, a broken stream, a server's own UNAVAILABLE) may have been acted on.
    /// </summary>
    public static bool NeverDelivered(RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.StatusCode is not StatusCode.Unavailable)
        {
            return false;
        }

        for (Exception? cause = exception.Status.DebugException; cause is not null; cause = cause.InnerException)
        {
            if (cause is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                return true;
            }
        }

        return false;
    }

    public static string Describe(string service, string method, RpcException exception) =>
        $"{service}.{method} failed with {exception.StatusCode}: {exception.Status.Detail}";
}
