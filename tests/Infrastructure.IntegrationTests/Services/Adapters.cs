using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace Orders.Infrastructure.IntegrationTests.Services;

/// <summary>The adapters as the host gets them from <see cref="DependencyInjection.AddInfrastructure"/>, pointed at the fakes.</summary>
internal static class Adapters
{
    /// <summary>Short, for tests that wait for the deadline to pass.</summary>
    public static readonly TimeSpan ShortDeadline = TimeSpan.FromMilliseconds(500);

    /// <summary>Generous, so a cold start (JIT, first HTTP/2 connection) on a busy machine never trips it.</summary>
    public static readonly TimeSpan RoomyDeadline = TimeSpan.FromSeconds(10);

    public static ServiceProvider For(Uri? inventory = null, Uri? payment = null, TimeSpan? deadline = null) =>
        InfrastructureServices.Build(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Orders"] = InfrastructureServices.UnusedDatabase,
            ["Services:Inventory:Address"] = (inventory ?? NothingListens()).ToString(),
            ["Services:Payment:Address"] = (payment ?? NothingListens()).ToString(),
            ["Services:Deadline"] = (deadline ?? RoomyDeadline).ToString(),
        });

    /// <summary>A loopback address whose port was free a moment ago: connections are refused.</summary>
    public static Uri NothingListens()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
    }
}
