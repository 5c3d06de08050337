using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Orders.WebApi.FunctionalTests.Security;

/// <summary>Tokens minted with a symmetric key the secured test api trusts, configured as dotnet user-jwts would.</summary>
internal static class TestTokens
{
    public const string Issuer = "orders-tests";
    public const string Audience = "orders-api";

    private static readonly byte[] TrustedKey = RandomNumberGenerator.GetBytes(32);

    public static string For(string subject, params string[] roles) =>
        Mint(subject, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddHours(1), TrustedKey, roles);

    public static string Expired(string subject) => Mint(subject, DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-1), TrustedKey);

    /// <summary>Well-formed, but signed with a key the api does not know.</summary>
    public static string Forged(string subject) => Mint(subject, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddHours(1), RandomNumberGenerator.GetBytes(32));

    /// <summary>Auth on, trusting <see cref="TrustedKey"/> through <c>Authentication:Schemes:Bearer</c>.</summary>
    public static void TrustTestKey(IWebHostBuilder builder)
    {
        builder.UseSetting("Auth:Enabled", "true");
        builder.UseSetting("Authentication:Schemes:Bearer:ValidIssuer", Issuer);
        builder.UseSetting("Authentication:Schemes:Bearer:ValidAudiences:0", Audience);
        builder.UseSetting("Authentication:Schemes:Bearer:SigningKeys:0:Issuer", Issuer);
        builder.UseSetting("Authentication:Schemes:Bearer:SigningKeys:0:Value", Convert.ToBase64String(TrustedKey));
    }

    private static string Mint(string subject, DateTime notBefore, DateTime expires, byte[] key, string[]? roles = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity([new Claim("sub", subject), .. (roles ?? []).Select(role => new Claim("role", role))]),
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        });
}
