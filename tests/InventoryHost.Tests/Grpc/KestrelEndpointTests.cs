using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using HealthCheckRequest = Grpc.Health.V1.HealthCheckRequest;
using HealthClient = Grpc.Health.V1.Health.HealthClient;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Orders.InventoryHost.Tests.Grpc;

/// <summary>The host on a real Kestrel socket: gRPC needs HTTP/2 without TLS, which only an Http2-only endpoint offers.</summary>
public sealed class KestrelEndpointTests
{
    [Test]
    public async Task Kestrel_serves_grpc_over_cleartext_http2_on_the_configured_url()
    {
        var server = await MongoServer.GetAsync();
        var database = MongoServer.NewDatabaseName("kestrel");
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseSetting("urls", "http://127.0.0.1:0")
            .ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Inventory:Mongo:ConnectionString"] = server.ConnectionString,
                ["Inventory:Mongo:Database"] = database,
                [TestServiceKey.Setting] = TestServiceKey.Value,
            })));
        factory.UseKestrel();
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

        using var channel = GrpcChannel.ForAddress(address);
        var reply = await new HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(15));

        Assert.That(reply.Status, Is.EqualTo(ServingStatus.Serving));
        Assert.That(new Uri(address).IsLoopback, Is.True);
        await server.Client.DropDatabaseAsync(database);
    }
}
