using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MongoDB.Driver;
using Orders.Contracts.Hosting;
using Orders.Contracts.Security;
using Orders.InventoryHost.Configuration;
using Orders.InventoryHost.Grpc;
using Orders.InventoryHost.Health;
using Orders.InventoryHost.Stock;
using Orders.InventoryHost.Telemetry;

namespace Orders.InventoryHost;

public static class DependencyInjection
{
    /// <summary>A health check slower than this counts as MongoDB not answering.</summary>
    private static readonly TimeSpan MongoPingTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The product catalog and the ledger of reservations, their MongoDB database, validated options, the start-up
    /// index and seeding, and the sweep of committed holds.
    /// </summary>
    public static IServiceCollection AddStockLedger(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MongoStoreOptions>().Bind(configuration.GetSection(MongoStoreOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MongoStoreOptions>, MongoStoreOptionsValidation>();
        services.AddOptions<StockSeedOptions>().Bind(configuration.GetSection(StockSeedOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StockSeedOptions>, StockSeedOptionsValidation>();

        services.AddHttpContextAccessor();
        services.AddSingleton<IMongoClient>(sp => new MongoClient(
            MongoClientSettings.FromConnectionString(sp.GetRequiredService<IOptions<MongoStoreOptions>>().Value.ConnectionString)
                .CountingCommands(sp.GetRequiredService<IHttpContextAccessor>())));
        services.AddSingleton(sp =>
            sp.GetRequiredService<IMongoClient>().GetDatabase(sp.GetRequiredService<IOptions<MongoStoreOptions>>().Value.Database));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ProductCatalog>();
        services.AddSingleton<StockLedger>();
        services.AddSingleton<CommittedHolds>();
        services.AddHostedService<CommittedHoldSweep>();
        services.AddStartupProbe<MongoStartupProbe>(configuration);
        services.AddHostedService<StockIndexes>();
        services.AddHostedService<StockSeeder>();
        return services;
    }

    /// <summary>
    /// The Inventory and InventoryAdmin services behind the service key, gRPC health (SERVING while MongoDB answers)
    /// and reflection.
    /// </summary>
    public static IServiceCollection AddInventoryGrpc(this IServiceCollection services)
    {
        // One of each per host, not per call (the default for an interceptor that is not registered).
        services.AddSingleton<ServiceCredentialInterceptor>();
        services.AddSingleton<StoreUnavailableInterceptor>();
        services.AddGrpc(o =>
        {
            o.Interceptors.Add<ServiceCredentialInterceptor>();
            o.Interceptors.Add<StoreUnavailableInterceptor>();
        });
        services.AddGrpcHealthChecks().AddCheck<MongoPingHealthCheck>("mongo", timeout: MongoPingTimeout);
        services.AddGrpcReflection();
        return services;
    }

    public static WebApplication MapInventoryGrpc(this WebApplication app)
    {
        app.MapGrpcService<InventoryEndpoint>();
        app.MapGrpcService<InventoryAdminEndpoint>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }
}
