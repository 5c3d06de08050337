using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orders.Infrastructure.Persistence;
using Orders.Infrastructure.Services;
using Orders.Testing;

namespace Orders.Infrastructure.IntegrationTests;

public sealed class StartupTests
{
    [Test]
    public async Task Starting_the_host_migrates_a_missing_database_by_default()
    {
        var server = await PostgresServer.GetOrIgnoreAsync();
        var connectionString = server.ConnectionStringForNewDatabase("startup_migrates");
        using var host = Host(new Dictionary<string, string?> { ["ConnectionStrings:Orders"] = connectionString });

        await host.StartAsync();
        await host.StopAsync();

        await using var scope = host.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        Assert.That(await context.Database.GetPendingMigrationsAsync(), Is.Empty);
    }

    [Test]
    public async Task Starting_the_host_leaves_the_database_alone_when_MigrateOnStartup_is_false()
    {
        var server = await PostgresServer.GetOrIgnoreAsync();
        var connectionString = server.ConnectionStringForNewDatabase("startup_leaves");
        using var host = Host(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Orders"] = connectionString,
            ["Database:MigrateOnStartup"] = "false",
        });

        await host.StartAsync();
        await host.StopAsync();

        await using var scope = host.Services.CreateAsyncScope();
        Assert.That(await scope.ServiceProvider.GetRequiredService<OrdersDbContext>().Database.CanConnectAsync(), Is.False);
    }

    [Test]
    public void Starting_the_host_fails_naming_the_setting_when_a_service_address_is_not_a_url()
    {
        using var host = Host(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Orders"] = InfrastructureServices.UnusedDatabase,
            ["Database:MigrateOnStartup"] = "false",
            ["Services:Payment:Address"] = "localhost:5002",
        });

        Assert.That(
            () => host.StartAsync(),
            Throws.TypeOf<OptionsValidationException>().With.Message.Contains("Services:Payment:Address"));
    }

    [Test]
    public void Starting_the_host_fails_naming_the_setting_when_the_connection_string_is_missing()
    {
        using var host = Host(new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false" });

        Assert.That(
            () => host.StartAsync(),
            Throws.TypeOf<OptionsValidationException>().With.Message.Contains("ConnectionStrings:Orders"));
    }

    [Test]
    public void Without_settings_the_services_are_looked_for_on_localhost_with_a_two_second_deadline()
    {
        using var services = InfrastructureServices.ForDatabase(InfrastructureServices.UnusedDatabase);

        var options = services.GetRequiredService<IOptions<ServicesOptions>>().Value;

        Assert.Multiple(() =>
        {
            Assert.That(options.Inventory.Address, Is.EqualTo("http://localhost:5001"));
            Assert.That(options.Payment.Address, Is.EqualTo("http://localhost:5002"));
            Assert.That(options.Deadline, Is.EqualTo(TimeSpan.FromSeconds(2)));
        });
    }

    private static IHost Host(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging().AddInfrastructure(InfrastructureServices.Configuration(settings));
        return builder.Build();
    }
}
