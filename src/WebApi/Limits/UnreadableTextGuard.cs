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
    public async Task InvokeAsync(HttpContext context)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, value) in context.Request.RouteValues)
        {
            if (value is string text && !IdentifierText.IsClean(text))
            {
                errors[name] = [Message(name)];
            }
        }

        foreach (var (name, values) in context.Request.Query)
        {
            if (!IdentifierText.IsClean(name))
            {
                errors["query"] = ["A query parameter's name must not contain control characters, format characters or lone surrogates."];
            }
            else if (values.Any(value => !IdentifierText.IsClean(value)))
            {
                errors[name] = [Message(name)];
            }
        }

        if (errors.Count == 0)
        {
            await next(context);
            return;
        }

        await Problem.Validation(errors).ExecuteAsync(context);
    }

    private static string Message(string name) => IdentifierText.Message.Replace("{PropertyName}", name, StringComparison.Ordinal);
}
