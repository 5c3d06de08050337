using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orders.PaymentHost.Configuration;
using Orders.PaymentHost.Emulator;

namespace Orders.PaymentHost;

public static class DependencyInjection
{
    /// <summary>The emulated provider, its options (validated at start) and the configured faults around it.</summary>
    public static IServiceCollection AddPaymentEmulator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PaymentOptions>()
            .Bind(configuration.GetSection(PaymentOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PaymentOptions>, PaymentOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DeclineRules>();
        services.AddSingleton<InMemoryPaymentProvider>();
        services.AddSingleton<IPaymentProvider>(sp => ActivatorUtilities.CreateInstance<FaultInjectingPaymentProvider>(
            sp, sp.GetRequiredService<InMemoryPaymentProvider>()));
        return services;
    }
}
