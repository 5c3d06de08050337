using System.Globalization;
using Microsoft.Extensions.Options;

namespace Orders.PaymentHost.Configuration;

/// <summary>Rejects settings the emulator cannot honour, naming the setting so a failed start says what to fix.</summary>
public sealed class PaymentOptionsValidator : IValidateOptions<PaymentOptions>
{
    private const string FaultsPath = $"{PaymentOptions.SectionName}:{FaultOptions.SectionName}";

    public ValidateOptionsResult Validate(string? name, PaymentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (options.DeclineAbove <= 0)
        {
            failures.Add(Failure($"{PaymentOptions.SectionName}:DeclineAbove", "must be greater than 0", options.DeclineAbove));
        }

        var faults = options.Faults;
        if (faults.Latency < TimeSpan.Zero)
        {
            failures.Add(Failure($"{FaultsPath}:Latency", "must not be negative", faults.Latency));
        }

        AddIfNotRate(failures, $"{FaultsPath}:FailureRate", faults.FailureRate);
        AddIfNotRate(failures, $"{FaultsPath}:LostReplyRate", faults.LostReplyRate);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AddIfNotRate(List<string> failures, string setting, double rate)
    {
        if (!(rate is >= 0 and <= 1))
        {
            failures.Add(Failure(setting, "must be between 0 and 1", rate));
        }
    }

    private static string Failure(string setting, string rule, object value) =>
        string.Create(CultureInfo.InvariantCulture, $"{setting} {rule} (was {value}).");
}
