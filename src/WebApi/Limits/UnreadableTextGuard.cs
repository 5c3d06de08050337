using Orders.Application.Common;
using Orders.WebApi.Problems;

namespace Orders.WebApi.Limits;

/// <summary>
/// Route and query values are text a use case may store or send on: one with a control character, a format
/// character or a lone surrogate is a 400 naming the value, before any endpoint runs. Bodies are checked by the
/// use cases' validators, headers by Kestrel and the Idempotency-Key rule.
/// </summary>
internal sealed class UnreadableTextGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var errors = Unreadable(context.Request);
        return errors is null ? next(context) : Problem.Validation(errors).ExecuteAsync(context);
    }

    /// <summary>The unreadable values by name, or null when every one is clean (so a clean request allocates nothing here).</summary>
    private static Dictionary<string, string[]>? Unreadable(HttpRequest request)
    {
        Dictionary<string, string[]>? errors = null;
        foreach (var (name, value) in request.RouteValues)
        {
            if (value is string text && !IdentifierText.IsClean(text))
            {
                (errors ??= new(StringComparer.Ordinal))[name] = [Message(name)];
            }
        }

        foreach (var (name, values) in request.Query)
        {
            if (!IdentifierText.IsClean(name))
            {
                (errors ??= new(StringComparer.Ordinal))["query"] =
                    ["A query parameter's name must not contain control characters, format characters or lone surrogates."];
            }
            else if (values.Any(value => !IdentifierText.IsClean(value)))
            {
                (errors ??= new(StringComparer.Ordinal))[name] = [Message(name)];
            }
        }

        return errors;
    }

    private static string Message(string name) => IdentifierText.Message.Replace("{PropertyName}", name, StringComparison.Ordinal);
}
