using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orders.Infrastructure.Outbox;
using Orders.Infrastructure.Persistence;
using Orders.Testing;

namespace Orders.Infrastructure.IntegrationTests.Outbox;

/// <summary>The infrastructure with the order event relay, over a database of its own and the run's broker.</summary>
internal static class RelayServices
{
    public static async Task<ServiceProvider> StartAsync(string databasePrefix, RabbitMqServer broker, int batchSize = 100)
    {
        var database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync(databasePrefix);
        var configuration = InfrastructureServices.Configuration(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Orders"] = database,
            ["RabbitMq:Uri"] = broker.AmqpUri.ToString(),
            ["RabbitMq:ConnectTimeout"] = "00:00:02",
            ["Outbox:PollInterval"] = "00:00:00.1",
            ["Outbox:MaxBackoff"] = "00:00:01",
            ["Outbox:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var services = new ServiceCollection()
            .AddLogging()
            .AddInfrastructure(configuration)
            .AddOrderEventRelay(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.MigrateOrdersDatabaseAsync(CancellationToken.None);
        return services;
    }

    /// <summary>Passes of <paramref name="relay"/> until nothing is pending.</summary>
    public static async Task DrainAsync(IServiceProvider services, OutboxRelay relay)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (await OutboxDatabase.PendingAsync(services) > 0)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "The outbox did not drain within a minute.");
            await relay.RelayOnceAsync(CancellationToken.None);
        }
    }
}
