using Microsoft.Extensions.Options;

namespace Orders.WebApi.Recovery;

internal sealed class RecoveryOptionsValidator : IValidateOptions<RecoveryOptions>
{
    public ValidateOptionsResult Validate(string? name, RecoveryOptions options)
    {
        var failures = new List<string>();
        CheckPositive(failures, nameof(RecoveryOptions.StuckAfter), options.StuckAfter, "00:01:00");
        CheckPositive(failures, nameof(RecoveryOptions.Interval), options.Interval, "00:00:10");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckPositive(List<string> failures, string setting, TimeSpan value, string example)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{RecoveryOptions.Section}:{setting} must be a positive time span such as {example}, got '{value}'.");
        }
    }
}
