using System.Text.Json;

namespace Orders.WebApi.Problems;

/// <summary>Turns property paths (<c>Items[0].ProductId</c>, <c>$.items[0].quantity</c>) into the JSON field paths clients send (<c>items[0].product_id</c>).</summary>
public static class FieldPath
{
    public const string Body = "body";

    /// <summary>Request properties that come from headers are keyed by the header's name.</summary>
    private static readonly Dictionary<string, string> HeaderFields = new(StringComparer.Ordinal)
    {
        ["IdempotencyKey"] = "Idempotency-Key",
    };

    public static Dictionary<string, string[]> ToWire(IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors
            .GroupBy(error => ToWire(error.Key), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.SelectMany(error => error.Value).Distinct().ToArray(), StringComparer.Ordinal);
    }

    public static string ToWire(string path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return Body;
        }

        if (HeaderFields.TryGetValue(path, out var header))
        {
            return header;
        }

        var trimmed = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
        return string.Join('.', trimmed.Split('.').Select(ToWireSegment));
    }

    private static string ToWireSegment(string segment)
    {
        var index = segment.IndexOf('[', StringComparison.Ordinal);
        var name = index < 0 ? segment : segment[..index];
        var suffix = index < 0 ? string.Empty : segment[index..];
        return JsonNamingPolicy.SnakeCaseLower.ConvertName(name) + suffix;
    }
}
