using System.Text.Json;
using System.Text.RegularExpressions;

namespace Orders.WebApi.Problems;

/// <summary>
/// A body System.Text.Json refused, in the client's words: the field it stopped at (snake_case, as sent), and
/// whether that field is unknown, missing, null or of the wrong type. The kinds are told apart by the serializer's
/// wording; a wording this does not know still names the field.
/// </summary>
internal static partial class UnreadableJson
{
    public static Dictionary<string, string[]> Errors(JsonException json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var field = FieldPath.ToWire(json.Path ?? "$");
        var missing = MissingRequired().Match(json.Message);
        if (missing.Success)
        {
            return MissingNames().Matches(missing.Groups["names"].Value)
                .Select(name => Child(field, name.Groups["name"].Value))
                .Distinct(StringComparer.Ordinal)
                .ToDictionary(path => path, path => new[] { $"'{Leaf(path)}' is required." }, StringComparer.Ordinal);
        }

        var message = json.Message switch
        {
            var text when text.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) => $"'{Leaf(field)}' is not a field of this request.",
            var text when text.Contains("doesn't allow setting null values", StringComparison.Ordinal) => $"'{Leaf(field)}' is required and may not be null.",
            _ => "This is not valid JSON, or the value has the wrong type or is out of range.",
        };
        return new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] };
    }

    private static string Child(string parent, string name) => parent == FieldPath.Body ? name : $"{parent}.{name}";

    private static string Leaf(string path) => path[(path.LastIndexOf('.') + 1)..];

    [GeneratedRegex("missing required properties including: (?<names>.*)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex MissingRequired();

    [GeneratedRegex("'(?<name>[^']+)'", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex MissingNames();
}
