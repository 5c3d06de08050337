using Grpc.Net.Client;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Orders.InventoryHost.Tests;

/// <summary>The real InventoryHost in process, on a MongoDB database of its own, taking the tests' service key.</summary>
internal static class InventoryHostFactory
{
    public static WebApplicationFactory<Program> Create(string mongoConnectionString, string database) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(host => host.ConfigureAppConfiguration((_, configuration) =>
            configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Inventory:Mongo:ConnectionString"] = mongoConnectionString,
                ["Inventory:Mongo:Database"] = database,
                [TestServiceKey.Setting] = TestServiceKey.Value,
            })));

    /// <summary>A channel to the in-process server: HTTP/2 without a socket.</summary>
    public static GrpcChannel ChannelTo(WebApplicationFactory<Program> factory) =>
        GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = factory.Server.CreateHandler() });
}
