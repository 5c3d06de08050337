using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;

namespace Orders.Operations;

/// <summary>
/// <c>dotnet Orders.X.dll --health-check</c>: asks the running host on its own port whether it is healthy and exits
/// with 0 or 1. The container health check, since the runtime image has no curl or grpc_health_probe.
/// </summary>
internal static class HealthProbe
{
    public const string Argument = "--health-check";

    private const int DefaultPort = 8080;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    // HTTP/2 for the gRPC hosts, whose only endpoint speaks HTTP/2 without TLS.
    public static async Task<int> RunAsync(IConfiguration configuration, string path, Version httpVersion)
    {
        var port = FirstPort(configuration[ListeningPorts.Setting]);
        using var http = new HttpClient
        {
            Timeout = Timeout,
            DefaultRequestVersion = httpVersion,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}{path}"));
            await Console.Out.WriteLineAsync($"{path}: {(int)response.StatusCode}");
            return response.StatusCode == HttpStatusCode.OK ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            await Console.Out.WriteLineAsync($"{path}: {exception.Message}");
            return 1;
        }
    }

    private static int FirstPort(string? ports)
    {
        var first = ports?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : DefaultPort;
    }
}
