using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;

namespace Orders.Contracts.Security;

/// <summary>
/// Refuses every call without the service key with UNAUTHENTICATED, before any service code runs. Health checks and
/// reflection stay open: orchestrators probe them without secrets, and they reveal no business data. Registered as a
/// singleton, so the key's digest is computed once per host.
/// </summary>
public sealed class ServiceCredentialInterceptor(IOptions<ServiceCredentialOptions> options) : Interceptor
{
    private static readonly string[] OpenServices = ["/grpc.health.v1.Health/", "/grpc.reflection.v1alpha.ServerReflection/", "/grpc.reflection.v1.ServerReflection/"];

    private readonly byte[] _keyDigest = ServiceCredential.Digest(options.Value.Key);

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(requestStream, responseStream, context);
    }

    private void Authenticate(ServerCallContext context)
    {
        if (OpenServices.Any(service => context.Method.StartsWith(service, StringComparison.Ordinal)))
        {
            return;
        }

        if (!ServiceCredential.Matches(context.RequestHeaders.GetValue(ServiceCredential.Header), _keyDigest))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, $"A valid {ServiceCredential.Header} header is required."));
        }
    }
}
