using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Orders.Operations;

/// <summary>
/// <c>http_ports</c> (environment <c>HTTP_PORTS</c>; <c>ASPNETCORE_HTTP_PORTS</c> loses to appsettings.json) checked
/// before start: Kestrel would otherwise ignore a value it cannot read and quietly listen on port 80.
/// </summary>
internal static class ListeningPorts
{
    public const string Setting = "http_ports";

    public static IEnumerable<string> Check(IConfiguration configuration)
    {
        var value = configuration[Setting];
        if (value is null)
        {
            yield break;
        }

        var ports = value.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ports.Length == 0 || !ports.All(IsPort))
        {
            yield return $"{Setting} (HTTP_PORTS) must be ports 1..65535 separated by ';' (was '{value}').";
        }
    }

    /// <summary>The ports of <see cref="Setting"/>, when it is set and valid.</summary>
    public static bool TryRead(IConfiguration configuration, out int[] ports)
    {
        var value = configuration[Setting];
        ports = [];
        if (value is null || Check(configuration).Any())
        {
            return false;
        }

        ports = [.. value.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(port => int.Parse(port, NumberStyles.None, CultureInfo.InvariantCulture))];
        return true;
    }

    private static bool IsPort(string port) =>
        int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 65535;
}
