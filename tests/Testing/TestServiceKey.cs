using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Orders.Contracts.Security;

namespace Orders.Testing;

/// <summary>The service key every test host is configured with, and channels that present it.</summary>
public static class TestServiceKey
{
    public const string Value = "test-only-service-key-0123456789";

    public const string Setting = "ServiceAuth:Key";

    public const string EnvironmentVariable = "ServiceAuth__Key";

    /// <summary>Calls over <paramref name="channel"/> that carry the key.</summary>
    public static CallInvoker WithServiceKey(this GrpcChannel channel) =>
        channel.Intercept(headers => ServiceCredential.Attach(headers, Value));
}
