using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Orders.Infrastructure.Persistence.Configurations;

/// <summary>Stores an enum as its snake_case wire name (<c>PaymentDeclined</c> → <c>payment_declined</c>), the same word the API uses.</summary>
internal sealed class WireNameConverter<TEnum>() : ValueConverter<TEnum, string>(value => ToWire(value), wire => FromWire(wire))
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> WireNames =
        Enum.GetValues<TEnum>().ToFrozenDictionary(value => value, value => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()));

    private static readonly FrozenDictionary<string, TEnum> Values =
        WireNames.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static IEnumerable<string> AllWireNames => WireNames.Values.Order(StringComparer.Ordinal);

    public static string ToWire(TEnum value) => WireNames[value];

    public static TEnum FromWire(string wire) =>
        Values.TryGetValue(wire, out var value)
            ? value
            : throw new InvalidOperationException($"'{wire}' is not a stored {typeof(TEnum).Name}.");
}
