using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orders.Infrastructure.Messaging;

namespace Orders.Infrastructure.Outbox;

public static class OrderEventRelayRegistration
{
    /// <summary>
    /// The relay that publishes the outbox to RabbitMQ, when the <c>RabbitMq</c> section is there; without it, order
    /// events are still written and wait in the outbox until a relay with a broker runs. Options validated at start.
    /// </summary>
    public static IServiceCollection AddOrderEventRelay(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var broker = configuration.GetSection(RabbitMqOptions.Section);
        if (!broker.Exists())
        {
            return services;
        }

        services.AddOptions<RabbitMqOptions>().Bind(broker).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RabbitMqOptions>, RabbitMqOptionsValidator>();
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IOrderEventPublisher, RabbitMqEventPublisher>();
        services.AddSingleton<OutboxRelay>();
        services.AddHostedService<OutboxRelayService>();
        return services;
    }
}
