using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Orders.Operations;

/// <summary>
/// A host whose configuration is invalid says so in one line per bad setting on stderr and exits with
/// <see cref="ExitCode"/>: the options are validated before the host starts, so no stack trace buries the message.
/// </summary>
internal static class StartupFailure
{
    public const int ExitCode = 1;

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
