using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Orders.Testing;

namespace Orders.PaymentHost.Tests.Api;

/// <summary>The real PaymentHost in-process, reached over a gRPC channel on the test server.</summary>
internal sealed class PaymentsHost : IDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private GrpcChannel? _channel;

    public PaymentsHost(IReadOnlyDictionary<string, string?>? settings = null)
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting(TestServiceKey.Setting, TestServiceKey.Value);
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                host.UseSetting(key, value);
            }
        });
    }

    public GrpcChannel Channel => _channel ??= GrpcChannel.ForAddress(
        _factory.Server.BaseAddress,
        new GrpcChannelOptions { HttpHandler = _factory.Server.CreateHandler() });

    /// <summary>Calls that carry the service key, as the WebApi's do.</summary>
    public CallInvoker Calls => Channel.WithServiceKey();

    /// <summary>Starts the host without calling it, to see whether start-up succeeds.</summary>
    public void Start() => _ = _factory.Server;

    public void Dispose()
    {
        _channel?.Dispose();
        _factory.Dispose();
    }
}
