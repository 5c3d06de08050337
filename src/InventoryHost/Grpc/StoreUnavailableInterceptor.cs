using Grpc.Core;
using Grpc.Core.Interceptors;
using MongoDB.Driver;

namespace Orders.InventoryHost.Grpc;

/// <summary>
/// An unreachable MongoDB becomes UNAVAILABLE, the code clients retry on; every inventory call is idempotent, so a retry
/// is safe whether or not the failed call had taken effect.
/// </summary>
internal sealed class StoreUnavailableInterceptor(ILogger<StoreUnavailableInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (e is MongoConnectionException or TimeoutException)
        {
            logger.LogWarning(e, "MongoDB unreachable during {Method}", context.Method);
            throw new RpcException(new Status(StatusCode.Unavailable, "the stock store is unreachable; retry the call"));
        }
    }
}
