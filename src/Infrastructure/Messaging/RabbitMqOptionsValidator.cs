using Microsoft.Extensions.Options;

namespace Orders.Infrastructure.Messaging;

internal sealed class RabbitMqOptionsValidator : IValidateOptions<RabbitMqOptions>
{
    public ValidateOptionsResult Validate(string? name, RabbitMqOptions options)
    {
        var failures = new List<string>();
        if (!System.Uri.TryCreate(options.Uri, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
        {
            // The URI may hold a password: it is never echoed.
            failures.Add($"{RabbitMqOptions.Section}:Uri must be an absolute amqp:// or amqps:// URI such as amqp://guest:guest@localhost:5672/.");
        }

        if (string.IsNullOrWhiteSpace(options.Exchange))
        {
            failures.Add($"{RabbitMqOptions.Section}:Exchange must name the topic exchange, such as orders.");
        }

        CheckPositive(failures, nameof(RabbitMqOptions.ConnectTimeout), options.ConnectTimeout);
        CheckPositive(failures, nameof(RabbitMqOptions.PublishTimeout), options.PublishTimeout);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckPositive(List<string> failures, string setting, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{RabbitMqOptions.Section}:{setting} must be a positive time span such as 00:00:05, got '{value}'.");
        }
    }
}
