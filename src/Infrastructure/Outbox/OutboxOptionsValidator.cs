using Microsoft.Extensions.Options;

namespace Orders.Infrastructure.Outbox;

internal sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    private const int MaxBatchSize = 10_000;

    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var failures = new List<string>();
        CheckPositive(failures, nameof(OutboxOptions.PollInterval), options.PollInterval, "00:00:00.5");
        CheckPositive(failures, nameof(OutboxOptions.MaxBackoff), options.MaxBackoff, "00:00:30");
        CheckPositive(failures, nameof(OutboxOptions.SentRetention), options.SentRetention, "1.00:00:00");
        CheckPositive(failures, nameof(OutboxOptions.CleanupInterval), options.CleanupInterval, "00:05:00");
        if (options.BatchSize is < 1 or > MaxBatchSize)
        {
            failures.Add($"{OutboxOptions.Section}:BatchSize must be between 1 and {MaxBatchSize}, got {options.BatchSize}.");
        }

        if (options.MaxBackoff < options.PollInterval)
        {
            failures.Add($"{OutboxOptions.Section}:MaxBackoff ({options.MaxBackoff}) must not be shorter than {OutboxOptions.Section}:PollInterval ({options.PollInterval}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckPositive(List<string> failures, string setting, TimeSpan value, string example)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{OutboxOptions.Section}:{setting} must be a positive time span such as {example}, got '{value}'.");
        }
    }
}
