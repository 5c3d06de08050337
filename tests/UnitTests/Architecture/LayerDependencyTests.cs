using System.Reflection;

namespace Orders.UnitTests.Architecture;

/// <summary>Dependencies point inward: each layer may reference only the layers and packages listed here.</summary>
public sealed class LayerDependencyTests
{
    private static readonly Assembly Domain = typeof(Orders.Domain.Orders.Order).Assembly;
    private static readonly Assembly Application = typeof(Orders.Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = Assembly.Load("Orders.Infrastructure");
    private static readonly Assembly WebApi = Assembly.Load("Orders.WebApi");

    [Test]
    public void Domain_references_no_other_project_and_no_framework_beyond_the_base_library() =>
        Assert.That(References(Domain), Is.All.StartsWith("System."));

    [Test]
    public void Application_references_only_domain_mediator_and_validation()
    {
        string[] allowed = ["System.", "Orders.Domain", "Mediator", "FluentValidation", "Microsoft.Extensions.Logging.Abstractions", "Microsoft.Extensions.DependencyInjection.Abstractions"];

        Assert.That(References(Application).Where(name => !allowed.Any(name.StartsWith)), Is.Empty);
    }

    [Test]
    public void Infrastructure_does_not_reference_the_hosts() =>
        Assert.That(References(Infrastructure), Has.None.Matches<string>(name => name.EndsWith("Host", StringComparison.Ordinal) || name == "Orders.WebApi"));

    [Test]
    public void The_web_api_reaches_inventory_and_payment_only_through_their_contracts() =>
        Assert.That(References(WebApi), Has.None.Matches<string>(name => name is "Orders.InventoryHost" or "Orders.PaymentHost"));

    [Test]
    public void The_service_hosts_share_nothing_with_the_order_service_but_the_contracts()
    {
        foreach (var host in new[] { Assembly.Load("Orders.InventoryHost"), Assembly.Load("Orders.PaymentHost") })
        {
            Assert.That(
                References(host).Where(name => name.StartsWith("Orders.", StringComparison.Ordinal)),
                Is.EquivalentTo(new[] { "Orders.Contracts" }),
                host.GetName().Name);
        }
    }

    private static string[] References(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies().Select(reference => reference.Name!).Where(name => name != "netstandard")];
}
