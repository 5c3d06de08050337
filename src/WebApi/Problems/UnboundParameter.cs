using System.Text.Json;
using System.Text.RegularExpressions;

namespace Orders.WebApi.Problems;

/// <summary>
/// A query or route value the framework could not convert (<c>limit=abc</c>) is the client's mistake in that
/// parameter, not in the body: read the parameter's name out of the framework's message.
/// </summary>
internal static partial class UnboundParameter
{
    public static (string Name, string Message)? Read(string frameworkMessage)
    {
        var match = FailedToBind().Match(frameworkMessage);
        if (!match.Success)
        {
            return null;
        }

        var name = JsonNamingPolicy.SnakeCaseLower.ConvertName(match.Groups["name"].Value);
        var type = match.Groups["type"].Value;
        var expected = WholeNumber().IsMatch(type) ? "a whole number" : "a value of the documented type";
        return (name, $"'{name}' must be {expected}.");
    }

    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^ "]+) (?<name>[^ "]+)" from""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex FailedToBind();

    [GeneratedRegex(@"\b(int|long|Int32|Int64)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex WholeNumber();
}
