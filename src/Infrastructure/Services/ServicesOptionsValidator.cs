using Microsoft.Extensions.Options;

namespace Orders.Infrastructure.Services;

internal sealed class ServicesOptionsValidator : IValidateOptions<ServicesOptions>
{
    public ValidateOptionsResult Validate(string? name, ServicesOptions options)
    {
        var failures = new List<string>();
        CheckAddress(failures, nameof(ServicesOptions.Inventory), options.Inventory);
        CheckAddress(failures, nameof(ServicesOptions.Payment), options.Payment);
        if (options.Deadline <= TimeSpan.Zero)
        {
            failures.Add($"{ServicesOptions.Section}:{nameof(ServicesOptions.Deadline)} must be a positive time span such as 00:00:02, got '{options.Deadline}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckAddress(List<string> failures, string service, ServiceEndpoint? endpoint)
    {
        var address = endpoint?.Address;
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{ServicesOptions.Section}:{service}:{nameof(ServiceEndpoint.Address)} must be an absolute http or https address such as http://localhost:5001, got '{address}'.");
        }
    }
}
