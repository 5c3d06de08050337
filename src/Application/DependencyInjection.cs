using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Orders.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the use cases' validators. The mediator itself is registered by the host, where its source
    /// generator runs (see docs/adr/0001-mediator.md).
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssemblyContaining<Orders.CreateOrder.CreateOrderValidator>(ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }
}
