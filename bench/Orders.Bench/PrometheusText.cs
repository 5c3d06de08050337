using System.Globalization;
using System.Text;

namespace Orders.Bench;

/// <summary>One series of a Prometheus text exposition: its name, labels and value.</summary>
internal sealed record MetricSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>Reads the Prometheus text format (0.0.4): comments skipped, label values unescaped, a timestamp after the value ignored.</summary>
internal static class PrometheusText
{
    public static IEnumerable<MetricSample> Parse(string text)
    {
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var nameEnd = line.IndexOfAny(['{', ' ']);
            if (nameEnd <= 0)
            {
                continue;
            }

            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            var rest = line[nameEnd] == '{' ? ReadLabels(line, nameEnd + 1, labels) : nameEnd;
            var value = line[rest..].Trim().Split(' ')[0];
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                yield return new MetricSample(line[..nameEnd], labels, number);
            }
        }
    }

    /// <summary>Reads <c>name="value",...}</c> from <paramref name="at"/>; returns the position after the closing brace.</summary>
    private static int ReadLabels(string line, int at, Dictionary<string, string> labels)
    {
        while (at < line.Length && line[at] != '}')
        {
            var equals = line.IndexOf('=', at);
            if (equals < 0)
            {
                return line.Length;
            }

            var name = line[at..equals].Trim(' ', ',');
            var value = new StringBuilder();
            at = equals + 2;
            for (; at < line.Length && line[at] != '"'; at++)
            {
                value.Append(line[at] == '\\' && at + 1 < line.Length ? line[++at] switch { 'n' => '\n', var escaped => escaped } : line[at]);
            }

            labels[name] = value.ToString();
            at++;
            while (at < line.Length && line[at] is ',' or ' ')
            {
                at++;
            }
        }

        return at + 1;
    }
}
