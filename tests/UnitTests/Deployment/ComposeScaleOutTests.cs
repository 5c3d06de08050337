using YamlDotNet.Serialization;

namespace Orders.UnitTests.Deployment;

/// <summary>
/// docker-compose.yml scales (`--scale webapi=3 --scale inventory=2`): no scaled service claims a container name or
/// a host port, and HAProxy, the one published port, balances clients over the WebApis and their gRPC calls over the
/// InventoryHosts, finding each service's containers by name.
/// </summary>
public sealed class ComposeScaleOutTests
{
    private static readonly string Root = FindRoot();

    private static readonly Dictionary<object, object> Services = (Dictionary<object, object>)new DeserializerBuilder().Build()
        .Deserialize<Dictionary<object, object>>(File.ReadAllText(Path.Combine(Root, "docker-compose.yml")))["services"];

    [TestCase("webapi")]
    [TestCase("inventory")]
    [TestCase("payment")]
    public void A_scaled_service_has_no_container_name_and_publishes_no_port(string service)
    {
        var definition = (Dictionary<object, object>)Services[service];
        Assert.That(definition.Keys, Has.No.Member("container_name").And.No.Member("ports"));
    }

    [Test]
    public void The_balancer_is_the_only_published_port_and_the_webapis_reach_the_grpc_hosts_through_it()
    {
        var published = Services.Where(service => ((Dictionary<object, object>)service.Value).ContainsKey("ports")).Select(service => service.Key);
        var webapi = (Dictionary<object, object>)((Dictionary<object, object>)Services["webapi"])["environment"];
        var balancer = File.ReadAllText(Path.Combine(Root, "deploy", "haproxy", "haproxy.cfg"));

        Assert.That(published, Is.EqualTo(new[] { "haproxy" }));
        Assert.That((webapi["Services__Inventory__Address"], webapi["Services__Payment__Address"]), Is.EqualTo(("http://haproxy:5001", "http://haproxy:5002")));
        Assert.That(balancer, Does.Contain("server-template webapi 10 webapi:8080").And.Contain("server-template inventory 10 inventory:5001 proto h2"));
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Orders.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Orders.sln not found above " + AppContext.BaseDirectory);
    }
}
