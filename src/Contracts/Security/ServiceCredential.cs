using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Orders.Contracts.Security;

/// <summary>The shared service key of the internal gRPC edges (see docs/adr/0003-service-credential.md).</summary>
public static class ServiceCredential
{
    /// <summary>The metadata header that carries the key on every call.</summary>
    public const string Header = "x-service-key";

    /// <summary>Binds <c>ServiceAuth:Key</c> and stops the host at start, with a clear message, when it is missing or short.</summary>
    public static IServiceCollection AddServiceCredential(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ServiceCredentialOptions>()
            .Bind(configuration.GetSection(ServiceCredentialOptions.Section))
            .Validate(
                options => options.Key.Length >= ServiceCredentialOptions.MinimumKeyLength,
                $"{ServiceCredentialOptions.Section}:Key is missing or shorter than {ServiceCredentialOptions.MinimumKeyLength} characters: "
                + "set it (environment ServiceAuth__Key) to the same secret in the WebApi, InventoryHost and PaymentHost.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>Adds the key to a call's headers.</summary>
    public static Metadata Attach(Metadata headers, string key)
    {
        ArgumentNullException.ThrowIfNull(headers);
        headers.Add(Header, key);
        return headers;
    }

    /// <summary>The key as <see cref="Matches"/> compares it: a host computes it once, not on every call.</summary>
    public static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>
    /// True when <paramref name="presented"/> is the key whose <see cref="Digest"/> is <paramref name="keyDigest"/>.
    /// Digests are compared, so the constant-time comparison also hides the key's length.
    /// </summary>
    public static bool Matches(string? presented, ReadOnlySpan<byte> keyDigest)
    {
        if (presented is null)
        {
            return false;
        }

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), digest);
        return CryptographicOperations.FixedTimeEquals(digest, keyDigest);
    }
}
