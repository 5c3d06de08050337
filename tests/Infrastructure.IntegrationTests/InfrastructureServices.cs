using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orders.Testing;

namespace Orders.Infrastructure.IntegrationTests;

/// <summary>The services <see cref="DependencyInjection.AddInfrastructure"/> registers, built from in-memory settings.</summary>
internal static class InfrastructureServices
{
    /// <summary>Parseable but never reached: for tests that don't touch the database.</summary>
    public const string UnusedDatabase = "Host=127.0.0.1;Port=1;Database=unused;Username=postgres";

    /// <summary>The settings, over a service key the tests' fake gRPC servers expect.</summary>
    public static IConfiguration Configuration(IReadOnlyDictionary<string, string?> settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [TestServiceKey.Setting] = TestServiceKey.Value })
            .AddInMemoryCollection(settings)
            .Build();

    public static ServiceProvider Build(IReadOnlyDictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddInfrastructure(Configuration(settings))
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

    public static ServiceProvider ForDatabase(string connectionString) =>
        Build(new Dictionary<string, string?> { ["ConnectionStrings:Orders"] = connectionString });
}
