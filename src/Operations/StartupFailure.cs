using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orders.Contracts.Hosting;

namespace Orders.Operations;

/// <summary>
/// A host whose configuration is invalid says so in one line per bad setting on stderr and exits with
/// <see cref="ExitCode"/>: the options are validated before the host starts, so no stack trace buries the message.
/// A store that does not answer before the host starts is one line too, with <see cref="DependencyMissingExitCode"/>.
/// </summary>
internal static class StartupFailure
{
    public const int ExitCode = 1;

    /// <summary>A store the host needs was not there when it started (see <see cref="StartupDependencies"/>).</summary>
    public const int DependencyMissingExitCode = 2;

    public static async Task<int> RunOrExplainAsync(this WebApplication app)
    {
        if (!ListensOnItsOwnPorts(app))
        {
            // Under a test server the validation exception must reach the test that starts the host.
            await app.RunAsync();
            return 0;
        }

        List<string> failures = [.. ListeningPorts.Check(app.Configuration)];
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (Exception exception) when (Failures(exception) is { Count: > 0 } invalid)
        {
            failures.AddRange(invalid);
        }

        if (failures.Count > 0)
        {
            foreach (var failure in failures)
            {
                await Console.Error.WriteLineAsync($"Invalid configuration: {failure}");
            }

            return ExitCode;
        }

        if (app.Services.GetService<StartupDependencies>() is { } dependencies
            && await dependencies.WaitForAllAsync(CancellationToken.None) is { } missing)
        {
            await Console.Error.WriteLineAsync($"Cannot start: {missing}");
            return DependencyMissingExitCode;
        }

        await app.RunAsync();
        return 0;
    }

    private static bool ListensOnItsOwnPorts(WebApplication app) =>
        app.Services.GetService<IServer>()?.GetType().Assembly == typeof(KestrelServerOptions).Assembly;

    private static List<string> Failures(Exception exception) => exception switch
    {
        OptionsValidationException invalid => [.. invalid.Failures],
        AggregateException all when all.InnerExceptions.All(inner => inner is OptionsValidationException) =>
            [.. all.InnerExceptions.SelectMany(inner => ((OptionsValidationException)inner).Failures)],
        _ => [],
    };
}
