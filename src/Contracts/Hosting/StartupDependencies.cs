using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Orders.Contracts.Hosting;

/// <summary>
/// Before a host starts, asks each store it needs whether it answers: a bounded number of times, each failed
/// attempt logged, so a database that comes up a few seconds late does not stop the host. When the last attempt
/// fails, the host does not start, and the answer is the one line its entry point prints instead of a stack trace.
/// </summary>
public sealed partial class StartupDependencies(
    IEnumerable<StartupProbe> probes,
    IOptions<StartupRetryOptions> options,
    ILogger<StartupDependencies> logger)
{
    /// <summary>Null when every store answered; else what is missing, where it was looked for and how to start it.</summary>
    public async Task<string?> WaitForAllAsync(CancellationToken cancellationToken)
    {
        foreach (var probe in probes)
        {
            if (await WaitForAsync(probe, cancellationToken).ConfigureAwait(false) is { } missing)
            {
                return missing;
            }
        }

        return null;
    }

    private async Task<string?> WaitForAsync(StartupProbe probe, CancellationToken cancellationToken)
    {
        var dependency = probe.Dependency;
        var attempts = options.Value.Attempts;
        for (var number = 1; ; number++)
        {
            try
            {
                await probe.ProbeAsync(cancellationToken).ConfigureAwait(false);
                return null;
            }
            catch (Exception exception) when (probe.IsUnreachable(exception) && number < attempts)
            {
                LogRetry(logger, dependency.Name, number, attempts, dependency.Setting, exception.Message);
                await Task.Delay(options.Value.Interval, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (probe.IsUnreachable(exception))
            {
                LogGaveUp(logger, dependency.Name, attempts, dependency.Setting, exception.Message);
                return $"{dependency.Name} does not answer at {dependency.Setting} ({exception.Message}) after {attempts} attempts: "
                    + $"{dependency.HowToStart}, or point {dependency.Setting} at one.";
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Dependency} does not answer (attempt {Attempt} of {Attempts}, {Setting}): {Reason}; retrying")]
    private static partial void LogRetry(ILogger logger, string dependency, int attempt, int attempts, string setting, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Dependency} does not answer after {Attempts} attempts ({Setting}): {Reason}; not starting")]
    private static partial void LogGaveUp(ILogger logger, string dependency, int attempts, string setting, string reason);
}
