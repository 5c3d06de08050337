using Microsoft.Extensions.Options;

namespace Orders.WebApi.Operations;

internal sealed class ShutdownOptionsValidator : IValidateOptions<ShutdownOptions>
{
    public ValidateOptionsResult Validate(string? name, ShutdownOptions options) =>
        options.Timeout > TimeSpan.Zero
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{ShutdownOptions.Section}:{nameof(ShutdownOptions.Timeout)} must be a positive time span such as 00:00:30, got '{options.Timeout}'.");
}
