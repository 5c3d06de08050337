using Microsoft.Extensions.Options;

namespace Orders.WebApi.Orders;

internal sealed class PlacementOptionsValidator : IValidateOptions<PlacementOptions>
{
    public ValidateOptionsResult Validate(string? name, PlacementOptions options)
    {
        var failures = new List<string>();
        if (options.MaxConcurrent < 1)
        {
            failures.Add($"{PlacementOptions.Section}:{nameof(PlacementOptions.MaxConcurrent)} must be at least 1, got {options.MaxConcurrent}.");
        }

        if (options.MaxQueued < 0)
        {
            failures.Add($"{PlacementOptions.Section}:{nameof(PlacementOptions.MaxQueued)} must be 0 or more, got {options.MaxQueued}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
