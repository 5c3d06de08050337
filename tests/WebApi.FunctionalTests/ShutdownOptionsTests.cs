using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Orders.WebApi.FunctionalTests;

/// <summary>A stopping instance waits <c>Shutdown:Timeout</c> for requests in flight: 30 s unless configured.</summary>
public sealed class ShutdownOptionsTests
{
    [Test]
    public async Task Requests_in_flight_get_thirty_seconds_to_finish_by_default()
    {
        await using var factory = new EdgeFactory();

        Assert.That(factory.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public async Task The_shutdown_timeout_comes_from_configuration()
    {
        await using var factory = new EdgeFactory();
        await using var configured = factory.WithWebHostBuilder(builder => builder.UseSetting("Shutdown:Timeout", "00:00:05"));

        Assert.That(configured.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout, Is.EqualTo(TimeSpan.FromSeconds(5)));
    }
}
