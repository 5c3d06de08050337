using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Orders.WebApi.FunctionalTests;

/// <summary>
/// Deterministic mutations of a valid order body: truncations, type swaps, huge numbers, nulls, deep nesting,
/// unicode, duplicated keys, very long strings, unknown fields, byte flips. The same seed gives the same bodies.
/// </summary>
internal sealed class BodyFuzzer(int seed)
{
    private static readonly string[] Unicode =
        ["ü", "字", "😀", "\u200B", "\u202E", "\u0000", "\\ud800", "\\udfff", "\\u0000", "𝕆", "\r\n", "\"", "\\"];

    private static readonly string[] Numbers =
        ["0", "-1", "1.5", "1e400", "-1e400", "2147483648", "-2147483649", "99999999999999999999999999999", "1e-400", "0.0", "-0", "10001", "NaN", "Infinity"];

    private readonly Random _random = new(seed);

    public (string Label, byte[] Body) Next()
    {
        var mutations = 1 + _random.Next(3);
        var labels = new List<string>();
        var text = Valid();
        byte[]? raw = null;
        for (var step = 0; step < mutations; step++)
        {
            var kind = _random.Next(13);
            labels.Add(Kinds[kind]);
            switch (kind)
            {
                case 0: text = text[.._random.Next(text.Length)]; break;
                case 1: text = Replace(text, RandomValue()); break;
                case 2: text = Replace(text, Numbers[_random.Next(Numbers.Length)]); break;
                case 3: text = _random.Next(4) == 0 ? "null" : Replace(text, "null"); break;
                case 4: text = Nest(text); break;
                case 5: text = Replace(text, $"\"{string.Concat(Enumerable.Range(0, 1 + _random.Next(8)).Select(_ => Unicode[_random.Next(Unicode.Length)]))}\""); break;
                case 6: text = text.Replace("\"user_id\":", $"\"user_id\":\"dup\",\"user_id\":", StringComparison.Ordinal); break;
                case 7: text = Replace(text, $"\"{new string('x', _random.Next(2) == 0 ? 100 + _random.Next(5000) : 60_000 + _random.Next(20_000))}\""); break;
                case 8: text = text.Insert(1, $"\"extra_{_random.Next(100)}\":{RandomValue()},"); break;
                case 9: raw = Flip(Encoding.UTF8.GetBytes(text)); break;
                case 10: text = ManyItems(); break;
                case 11: text = _random.Next(3) switch { 0 => "", 1 => "not json", _ => "[]" }; break;
                default: raw = [.. Encoding.UTF8.GetBytes(text[..(text.Length / 2)]), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes(text[(text.Length / 2)..])]; break;
            }
        }

        return (string.Join("+", labels), raw ?? Encoding.UTF8.GetBytes(text));
    }

    private static readonly string[] Kinds =
        ["truncate", "type-swap", "number", "null", "nesting", "unicode", "duplicate-key", "long-string", "unknown-field", "byte-flip", "many-items", "not-an-object", "invalid-utf8"];

    private string Valid()
    {
        var items = new JsonArray();
        for (var line = 0; line < 1 + _random.Next(3); line++)
        {
            items.Add(new JsonObject { ["product_id"] = $"p{line + 1}", ["quantity"] = 1 + _random.Next(5) });
        }

        return new JsonObject { ["user_id"] = $"u{_random.Next(100)}", ["items"] = items }.ToJsonString();
    }

    private string RandomValue() => _random.Next(7) switch
    {
        0 => "\"text\"",
        1 => _random.Next(-5, 100_000).ToString(CultureInfo.InvariantCulture),
        2 => "true",
        3 => "null",
        4 => "[]",
        5 => "{}",
        _ => "[{\"a\":1}]",
    };

    /// <summary>Replaces one value (after a colon, up to the next comma or closing brace) with <paramref name="value"/>.</summary>
    private string Replace(string text, string value)
    {
        var colons = Enumerable.Range(0, text.Length).Where(index => text[index] == ':').ToList();
        if (colons.Count == 0)
        {
            return value;
        }

        var start = colons[_random.Next(colons.Count)] + 1;
        var end = start;
        while (end < text.Length && text[end] is not (',' or '}'))
        {
            end++;
        }

        return string.Concat(text.AsSpan(0, start), value, text.AsSpan(end));
    }

    private string Nest(string text)
    {
        var depth = 10 + _random.Next(3000);
        return Replace(text, new string('[', depth) + "1" + new string(']', depth));
    }

    private byte[] Flip(byte[] body)
    {
        for (var flips = 0; flips < 1 + _random.Next(4) && body.Length > 0; flips++)
        {
            body[_random.Next(body.Length)] = (byte)_random.Next(256);
        }

        return body;
    }

    private string ManyItems()
    {
        var count = 95 + _random.Next(400);
        var items = string.Join(",", Enumerable.Range(0, count).Select(index => $"{{\"product_id\":\"p{index}\",\"quantity\":1}}"));
        return $"{{\"user_id\":\"u1\",\"items\":[{items}]}}";
    }
}
