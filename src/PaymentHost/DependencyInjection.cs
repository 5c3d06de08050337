using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orders.PaymentHost.Configuration;
using Orders.PaymentHost.Emulator;
using Orders.PaymentHost.Store;
using Orders.Postgres;

namespace Orders.PaymentHost;

public static class DependencyInjection
{
    /// <summary>
    /// The emulated provider over its PostgreSQL database (created at start when missing), its options (validated at
    /// start) and the configured faults around it.
    /// </summary>
    public static IServiceCollection AddPaymentEmulator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PaymentOptions>()
            .Bind(configuration.GetSection(PaymentOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PaymentOptions>, PaymentOptionsValidator>();
        services.AddOptions<PaymentStoreOptions>()
            .Configure(options => options.ConnectionString = configuration.GetConnectionString(PaymentStoreOptions.ConnectionStringName) ?? "")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PaymentStoreOptions>, PaymentStoreOptionsValidator>();

        // A charge is one statement, the same every time.
        services.AddSingleton(sp => NpgsqlDataSource.Create(
            RepeatedStatements.Tuned(sp.GetRequiredService<IOptions<PaymentStoreOptions>>().Value.ConnectionString)));
        services.AddHostedService<PaymentDatabaseSetUp>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DeclineRules>();
        services.AddSingleton<PostgresPaymentProvider>();
        services.AddSingleton<IPaymentProvider>(sp => ActivatorUtilities.CreateInstance<FaultInjectingPaymentProvider>(
            sp, sp.GetRequiredService<PostgresPaymentProvider>()));
        return services;
    }
}
