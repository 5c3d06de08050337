using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NSubstitute;
using Orders.Application.Abstractions;
using Orders.Testing;

namespace Orders.WebApi.FunctionalTests;

/// <summary>The WebApi with its ports replaced: for the HTTP contract alone (statuses, problem types, JSON shape).</summary>
internal sealed class EdgeFactory : WebApplicationFactory<Program>
{
    /// <summary>The contract tests place many orders from one address; the per-caller limit has tests of its own.</summary>
    public const string UnlimitedOrders = "1000000";

    public IInventory Inventory { get; } = Substitute.For<IInventory>();

    public IPayment Payment { get; } = Substitute.For<IPayment>();

    public IProductCatalog Catalog { get; } = Substitute.For<IProductCatalog>();

    public InMemoryOrderRepository Orders { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Orders", "Host=127.0.0.1;Port=1;Database=unused");
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Recovery:Enabled", "false");
        builder.UseSetting("Auth:Enabled", "false");
        builder.UseSetting(TestServiceKey.Setting, TestServiceKey.Value);
        builder.UseSetting("RateLimiting:Orders:PermitLimit", UnlimitedOrders);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IInventory>().AddSingleton(Inventory);
            services.RemoveAll<IPayment>().AddSingleton(Payment);
            services.RemoveAll<IProductCatalog>().AddSingleton(Catalog);
            services.RemoveAll<IOrderRepository>().AddSingleton<IOrderRepository>(Orders);
        });
    }
}
