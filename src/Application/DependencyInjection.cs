using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Orders.Application.Orders.Placement;

namespace Orders.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the placement policy's runner and the use cases' validators. The mediator itself is registered by the host, where its source
    /// generator runs (see docs/adr/0001-mediator.md).
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddScoped<PlacementRunner>();
        services.AddValidatorsFromAssemblyContaining<Orders.CreateOrder.CreateOrderValidator>(ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }
}
