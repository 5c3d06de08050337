using System.Buffers.Binary;
using System.Buffers.Text;
using Orders.Application.Abstractions;
using Orders.Domain.Orders;

namespace Orders.Application.Orders.ListOrders;

/// <summary>
/// The opaque <c>page_token</c>: base64url of a version byte, the last order's created_at (UTC ticks) and its id.
/// Clients pass it back unchanged; anything else fails to decode and is a 400.
/// </summary>
public static class PageToken
{
    private const byte Version = 1;
    private const int Length = 1 + sizeof(long) + 16;

    public static string Encode(OrderCursor cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var bytes = new byte[Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(1), cursor.CreatedAt.UtcTicks);
        cursor.OrderId.Value.TryWriteBytes(bytes.AsSpan(1 + sizeof(long)), bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string? token, out OrderCursor cursor)
    {
        cursor = null!;
        var bytes = new byte[Length];
        if (string.IsNullOrEmpty(token)
            || !Base64Url.IsValid(token, out var decodedLength)
            || decodedLength != Length
            || Base64Url.DecodeFromChars(token, bytes) != Length
            || bytes[0] != Version)
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(1));
        if (ticks is < 0 || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        cursor = new OrderCursor(new DateTimeOffset(ticks, TimeSpan.Zero), new OrderId(new Guid(bytes.AsSpan(1 + sizeof(long)), bigEndian: true)));
        return true;
    }
}
