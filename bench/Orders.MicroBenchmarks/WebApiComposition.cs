using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orders.Application;
using Orders.Application.Abstractions;
using Orders.MicroBenchmarks.Fakes;
using Orders.WebApi;

namespace Orders.MicroBenchmarks;

/// <summary>
/// The WebApi's own registrations (validators, mediator with its behaviors, JSON options), the remote ports and the
/// store swapped for fakes that answer at once: what is measured is the code that ships, not a copy of its setup.
/// </summary>
internal static class WebApiComposition
{
    /// <summary>The inventory prices exactly the sample order of <paramref name="lines"/> lines, as the real one would.</summary>
    public static ServiceProvider WithInstantPorts(int lines)
    {
        var services = new ServiceCollection()
            .AddApplication()
            .AddWebApi();
        services.AddSingleton<IInventory>(new AlwaysInStockInventory(OrderSamples.Prices(lines)));
        services.AddSingleton<IPayment, AlwaysApprovingPayment>();
        services.AddSingleton<IOrderRepository, DiscardingOrderRepository>();
        services.AddSingleton<IClock>(new FixedClock(OrderSamples.PlacedAt));
        // Logs are the host's business (and cost); the handler's log calls stay, disabled.
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        return services.BuildServiceProvider();
    }

    /// <summary>The options the minimal APIs read request bodies and write responses with.</summary>
    public static JsonSerializerOptions WireJsonOptions()
    {
        using var services = new ServiceCollection().AddWebApi().BuildServiceProvider();
        return services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
    }
}
