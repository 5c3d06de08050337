using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Orders.Contracts.Hosting;

public static class StartupDependencyRegistration
{
    /// <summary>A store the host waits for before it starts (bounded by the <c>Startup</c> section); each layer adds its own.</summary>
    public static IServiceCollection AddStartupProbe<TProbe>(this IServiceCollection services, IConfiguration configuration)
        where TProbe : StartupProbe
    {
        services.AddOptions<StartupRetryOptions>()
            .Bind(configuration.GetSection(StartupRetryOptions.Section))
            .Validate(options => options.Attempts >= 1 && options.Interval >= TimeSpan.Zero, "Startup:Attempts must be at least 1 and Startup:Interval not negative.")
            .ValidateOnStart();
        services.TryAddSingleton<StartupDependencies>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<StartupProbe, TProbe>());
        return services;
    }
}
