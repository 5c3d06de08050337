using System.Net;
using Orders.Testing;

namespace Orders.WebApi.FunctionalTests.EndToEnd;

/// <summary>
/// A gRPC host's own port speaks only HTTP/2 without TLS; Prometheus and Kubernetes probes speak HTTP/1.1. With
/// Operations:HttpPort set, the host answers them there, and still serves gRPC on its own port.
/// </summary>
public sealed class OperationsPortTests
{
    [Test]
    public async Task The_inventory_serves_metrics_and_health_over_http_1_1_on_its_operations_port()
    {
        var mongo = await MongoServer.GetAsync();
        var operationsPort = HostProcess.FreePort();
        var inventory = await HostProcess.StartAsync("InventoryHost", new Dictionary<string, string>
        {
            ["Inventory__Mongo__ConnectionString"] = mongo.ConnectionString,
            ["Inventory__Mongo__Database"] = MongoServer.NewDatabaseName("ops"),
            ["Operations__HttpPort"] = $"{operationsPort}",
        });
        try
        {
            using var http = new HttpClient { DefaultRequestVersion = HttpVersion.Version11, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

            using var metrics = await http.GetAsync(new Uri($"http://127.0.0.1:{operationsPort}/metrics"));
            using var live = await http.GetAsync(new Uri($"http://127.0.0.1:{operationsPort}/health/live"));
            using var ready = await http.GetAsync(new Uri($"http://127.0.0.1:{operationsPort}/health/ready"));

            Assert.Multiple(async () =>
            {
                Assert.That(metrics.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(metrics.Version, Is.EqualTo(HttpVersion.Version11));
                Assert.That(await metrics.Content.ReadAsStringAsync(), Does.Contain("service_name=\"orders-inventory\""));
                Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK), "MongoDB answers");
                Assert.That(inventory.IsRunning, Is.True, "and gRPC is still served on its own port");
            });
        }
        finally
        {
            await inventory.StopAsync();
        }
    }
}
