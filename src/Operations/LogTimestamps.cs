using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;

namespace Orders.Operations;

/// <summary>
/// One <c>Logging:Console:FormatterOptions</c> section feeds both console formatters; its timestamp format ends
/// with the space that separates the time from the message in plain lines. In a JSON line that space would make the
/// timestamp no longer RFC 3339, so the JSON formatter drops it.
/// </summary>
internal static class LogTimestamps
{
    public static IServiceCollection AddRfc3339JsonTimestamps(this IServiceCollection services) =>
        services.PostConfigure<JsonConsoleFormatterOptions>(options => options.TimestampFormat = options.TimestampFormat?.TrimEnd());
}
