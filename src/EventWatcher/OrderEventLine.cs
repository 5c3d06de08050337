using System.Globalization;
using System.Text.Json;

namespace Orders.EventWatcher;

/// <summary>One event as a line of text: when, what, which order, and the order's status, total and reason.</summary>
internal static class OrderEventLine
{
    public static (string Id, string Line) Read(ReadOnlySpan<byte> body)
    {
        using var envelope = JsonDocument.Parse(body.ToArray());
        var root = envelope.RootElement;
        var data = root.GetProperty("data");
        var total = data.GetProperty("total").ValueKind == JsonValueKind.Number
            ? $"{data.GetProperty("total").GetDecimal().ToString(CultureInfo.InvariantCulture)} {data.GetProperty("currency").GetString()}"
            : "-";
        var reason = data.GetProperty("status_reason").GetString() is { Length: > 0 } text ? $" ({text})" : "";
        var line = string.Join(
            "  ",
            root.GetProperty("time").GetString(),
            root.GetProperty("type").GetString()!.PadRight(24),
            $"order {root.GetProperty("subject").GetString()}",
            $"user {data.GetProperty("user_id").GetString()}",
            $"status {data.GetProperty("status").GetString()}",
            $"total {total}{reason}",
            $"id {root.GetProperty("id").GetString()}");
        return (root.GetProperty("id").GetString()!, line);
    }
}
