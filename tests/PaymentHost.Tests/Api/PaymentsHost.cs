using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Orders.Testing;

namespace Orders.PaymentHost.Tests.Api;

/// <summary>
/// The real PaymentHost in-process, reached over a gRPC channel on the test server, over a payments database of its
/// own that the host creates at start (or over <paramref name="database"/>, to start it again on another's records).
/// </summary>
internal sealed class PaymentsHost : IDisposable
{
    public const string DatabaseSetting = "ConnectionStrings:Payments";

    private readonly WebApplicationFactory<Program> _factory;
    private GrpcChannel? _channel;

    private PaymentsHost(string database, IReadOnlyDictionary<string, string?> settings)
    {
        Database = database;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting(TestServiceKey.Setting, TestServiceKey.Value);
            host.UseSetting(DatabaseSetting, database);
            foreach (var (key, value) in settings)
            {
                host.UseSetting(key, value);
            }
        });
    }

    /// <summary>The connection string of the host's payments database.</summary>
    public string Database { get; }

    public GrpcChannel Channel => _channel ??= GrpcChannel.ForAddress(
        _factory.Server.BaseAddress,
        new GrpcChannelOptions { HttpHandler = _factory.Server.CreateHandler() });

    /// <summary>Calls that carry the service key, as the WebApi's do.</summary>
    public CallInvoker Calls => Channel.WithServiceKey();

    public static async Task<PaymentsHost> CreateAsync(IReadOnlyDictionary<string, string?>? settings = null, string? database = null)
    {
        database ??= (await PostgresServer.GetOrIgnoreAsync()).ConnectionStringForNewDatabase("payments_host");
        return new PaymentsHost(database, settings ?? new Dictionary<string, string?>());
    }

    /// <summary>Starts the host without calling it, to see whether start-up succeeds.</summary>
    public void Start() => _ = _factory.Server;

    public void Dispose()
    {
        _channel?.Dispose();
        _factory.Dispose();
    }
}
