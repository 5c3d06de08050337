using Grpc.Core;
using Grpc.Core.Interceptors;
using MongoDB.Driver;

namespace Orders.InventoryHost.Grpc;

/// <summary>
/// A MongoDB that can't be reached, or that has no connection free for the call, becomes UNAVAILABLE, the code clients
/// retry on; every inventory call is idempotent, so a retry is safe whether or not the failed call had taken effect.
/// </summary>
internal sealed partial class StoreUnavailableInterceptor(ILogger<StoreUnavailableInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (e is MongoConnectionException or TimeoutException or MongoNotPrimaryException or MongoNodeIsRecoveringException)
        {
            LogUnreachable(e, context.Method);
            throw new RpcException(new Status(StatusCode.Unavailable, "the stock store is unreachable; retry the call"));
        }
        catch (Exception e) when (e is MongoWaitQueueFullException or MongoConnectionPoolPausedException)
        {
            // Too many calls at once for the connection pool (or the pool waits out a failed connection): shed this one.
            LogBusy(context.Method, e.Message);
            throw new RpcException(new Status(StatusCode.Unavailable, "the stock store is busy; retry the call"));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "MongoDB unreachable during {Method}")]
    private partial void LogUnreachable(Exception exception, string method);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No MongoDB connection free for {Method}: {Reason}")]
    private partial void LogBusy(string method, string reason);
}
