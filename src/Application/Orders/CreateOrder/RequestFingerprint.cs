using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Orders.Application.Orders.CreateOrder;

/// <summary>
/// SHA-256 (hex) of an order request in a normal form: the user, then each product and quantity in product order.
/// Two requests ask for the same thing exactly when their fingerprints match; the order of the items doesn't matter.
/// </summary>
public static class RequestFingerprint
{
    public static string Of(CreateOrderCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var normal = new StringBuilder().Append(command.UserId).Append('\n');
        foreach (var item in command.Items.OrderBy(item => item.ProductId, StringComparer.Ordinal))
        {
            normal.Append(item.ProductId).Append('\t').Append(item.Quantity.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normal.ToString())));
    }
}
