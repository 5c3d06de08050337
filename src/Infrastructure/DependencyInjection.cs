using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;
using Grpc.Net.ClientFactory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Orders.Contracts.Hosting;
using Orders.Application.Abstractions;
using Orders.Contracts.Inventory.V1;
using Orders.Contracts.Payment.V1;
using Orders.Contracts.Security;
using Orders.Infrastructure.Persistence;
using Orders.Infrastructure.Services;
using Orders.Infrastructure.Time;

namespace Orders.Infrastructure;

public static class DependencyInjection
{
    /// <summary>The tag on every health check that must pass before the API takes traffic.</summary>
    public const string ReadyTag = "ready";

    public const string DatabaseHealthCheck = "orders-db";
    public const string InventoryHealthCheck = "inventory";
    public const string PaymentHealthCheck = "payment";

    private const string InventoryHealthClient = "inventory-health";
    private const string PaymentHealthClient = "payment-health";

    // Reserve, Release, Commit, Charge and Refund are all idempotent by id, so an UNAVAILABLE call is safe to repeat.
    private const int MaxAttempts = 3;
    private static readonly TimeSpan InitialBackoff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(1);
    private const double BackoffMultiplier = 2;
    private static readonly TimeSpan MaxReconnectBackoff = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The orders store (PostgreSQL through EF Core), the migrator, the Inventory and Payment gRPC adapters, the clock
    /// and the readiness health checks. Options are validated when the host starts.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IClock, SystemClock>();
        return services
            .AddOrdersStore(configuration)
            .AddRemoteServices(configuration)
            .AddReadinessChecks();
    }

    private static IServiceCollection AddOrdersStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OrdersDatabaseOptions>()
            .Bind(configuration.GetSection(OrdersDatabaseOptions.Section))
            .Configure(options => options.ConnectionString = configuration.GetConnectionString(OrdersDatabaseOptions.ConnectionStringName) ?? "")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<OrdersDatabaseOptions>, OrdersDatabaseOptionsValidator>();

        // Pooled: a placement needs a context per request, and a reset one costs less than a new one.
        services.AddDbContextPool<OrdersDbContext>((provider, options) =>
            OrdersDatabase.Configure(options, provider.GetRequiredService<IOptions<OrdersDatabaseOptions>>().Value.ConnectionString));
        services.AddScoped<IOrderRepository, EfOrderRepository>();
        services.AddScoped<IStuckOrders, EfStuckOrders>();
        services.AddStartupProbe<PostgresStartupProbe>(configuration);
        services.AddHostedService<DatabaseMigrator>();
        return services;
    }

    private static IServiceCollection AddRemoteServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ServicesOptions>()
            .Bind(configuration.GetSection(ServicesOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServicesOptions>, ServicesOptionsValidator>();
        services.AddServiceCredential(configuration);
        services.AddSingleton<ServiceDeadline>();

        services.AddServiceClient<Inventory.InventoryClient>(Inventory);
        services.AddServiceClient<InventoryAdmin.InventoryAdminClient>(Inventory);
        services.AddServiceClient<Payments.PaymentsClient>(Payment);
        services.AddGrpcClient<Health.HealthClient>(InventoryHealthClient, (provider, client) => client.Address = Inventory(provider).Uri);
        services.AddGrpcClient<Health.HealthClient>(PaymentHealthClient, (provider, client) => client.Address = Payment(provider).Uri);

        services.AddTransient<IInventory, GrpcInventory>();
        services.AddTransient<IPayment, GrpcPayment>();
        services.AddTransient<IProductCatalog, GrpcProductCatalog>();
        return services;
    }

    private static IServiceCollection AddReadinessChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<OrdersDbContext>(DatabaseHealthCheck, tags: [ReadyTag])
            .Add(new HealthCheckRegistration(InventoryHealthCheck, provider => ServingCheck(provider, InventoryHealthClient), failureStatus: null, tags: [ReadyTag]))
            .Add(new HealthCheckRegistration(PaymentHealthCheck, provider => ServingCheck(provider, PaymentHealthClient), failureStatus: null, tags: [ReadyTag]));
        return services;
    }

    private static GrpcServingHealthCheck ServingCheck(IServiceProvider provider, string clientName) =>
        new(provider.GetRequiredService<GrpcClientFactory>().CreateClient<Health.HealthClient>(clientName), provider.GetRequiredService<ServiceDeadline>());

    /// <summary>
    /// A client of a service the saga calls: retried when the service is unavailable, and without the client factory's
    /// request logs, which repeat the gRPC client's own (category Grpc.Net.Client) and cost each call a log scope even
    /// when filtered out.
    /// </summary>
    private static void AddServiceClient<TClient>(this IServiceCollection services, Func<IServiceProvider, ServiceEndpoint> endpoint)
        where TClient : class =>
        services.AddGrpcClient<TClient>((provider, client) => client.Address = endpoint(provider).Uri)
            .ConfigureChannel(RetryWhenUnavailable)
            .RemoveAllLoggers();

    private static ServiceEndpoint Inventory(IServiceProvider provider) => provider.GetRequiredService<IOptions<ServicesOptions>>().Value.Inventory;

    private static ServiceEndpoint Payment(IServiceProvider provider) => provider.GetRequiredService<IOptions<ServicesOptions>>().Value.Payment;

    private static void RetryWhenUnavailable(GrpcChannelOptions channel)
    {
        // Left false on purpose: when true, grpc-dotnet may report a passed deadline as OperationCanceledException,
        // which would escape the adapters instead of becoming an Unavailable outcome.
        channel.ThrowOperationCanceledOnCancellation = false;
        // A service that comes back is used within a second, not after a reconnect backoff grown to minutes.
        channel.MaxReconnectBackoff = MaxReconnectBackoff;
        channel.ServiceConfig = new ServiceConfig
        {
            MethodConfigs =
            {
                new MethodConfig
                {
                    Names = { MethodName.Default },
                    RetryPolicy = new RetryPolicy
                    {
                        MaxAttempts = MaxAttempts,
                        InitialBackoff = InitialBackoff,
                        MaxBackoff = MaxBackoff,
                        BackoffMultiplier = BackoffMultiplier,
                        RetryableStatusCodes = { StatusCode.Unavailable },
                    },
                },
            },
        };
    }
}
