// Bearer tokens for the compose stack and `./build.sh --target=Run --auth`: HS256, signed with the symmetric
// development key JWT_SIGNING_KEY from the environment or .env (docs/adr/0010-development-tokens.md).
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

public static class DevelopmentTokens
{
    public const string Issuer = "orders-dev";
    public const string Audience = "orders-api";
    public const string KeySetting = "JWT_SIGNING_KEY";

    /// <summary>The key from the environment, else from ./.env; it must be base64 of at least 32 bytes.</summary>
    public static string SigningKey()
    {
        var key = Environment.GetEnvironmentVariable(KeySetting);
        if (string.IsNullOrEmpty(key) && System.IO.File.Exists(".env"))
        {
            key = System.IO.File.ReadLines(".env")
                .Select(line => line.Trim())
                .Where(line => line.StartsWith(KeySetting + "=", StringComparison.Ordinal))
                .Select(line => line.Substring(KeySetting.Length + 1).Trim().Trim('"', '\''))
                .LastOrDefault();
        }

        if (string.IsNullOrEmpty(key))
            throw new Exception($"{KeySetting} is not set: cp .env.example .env (for anything shared, replace it: openssl rand -base64 32).");
        byte[] bytes;
        try { bytes = Convert.FromBase64String(key); }
        catch (FormatException) { throw new Exception($"{KeySetting} must be base64 (openssl rand -base64 32)."); }
        if (bytes.Length < 32) throw new Exception($"{KeySetting} must be at least 32 bytes of base64 (openssl rand -base64 32).");
        return key;
    }

    /// <summary>What the WebApi needs to trust these tokens: the standard Authentication:Schemes:Bearer settings.</summary>
    public static Dictionary<string, string> ApiSettings(string key) => new()
    {
        ["Auth__Enabled"] = "true",
        ["Authentication__Schemes__Bearer__ValidIssuer"] = Issuer,
        ["Authentication__Schemes__Bearer__ValidAudiences__0"] = Audience,
        ["Authentication__Schemes__Bearer__SigningKeys__0__Issuer"] = Issuer,
        ["Authentication__Schemes__Bearer__SigningKeys__0__Value"] = key,
    };

    public static string Mint(string key, string user, IEnumerable<string> roles, TimeSpan lifetime)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new Dictionary<string, object> { ["alg"] = "HS256", ["typ"] = "JWT" };
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["sub"] = user,
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + (long)lifetime.TotalSeconds,
        };
        var roleList = roles.ToArray();
        if (roleList.Length > 0) claims["role"] = roleList.Length == 1 ? roleList[0] : roleList;
        var unsigned = $"{Encode(JsonSerializer.SerializeToUtf8Bytes(header))}.{Encode(JsonSerializer.SerializeToUtf8Bytes(claims))}";
        using var hmac = new HMACSHA256(Convert.FromBase64String(key));
        return $"{unsigned}.{Encode(hmac.ComputeHash(Encoding.ASCII.GetBytes(unsigned)))}";
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
