using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orders.PaymentHost.Configuration;
using Orders.PaymentHost.Emulator;
using Orders.PaymentHost.Store;
using Orders.Testing;

namespace Orders.PaymentHost.Tests.Emulator;

/// <summary>
/// The emulator's parts wired the way the host wires them, over a payments database of its own on the test
/// PostgreSQL server, created at start as the host does. <see cref="RestartAsync"/> gives a new one over the same database.
/// </summary>
internal sealed class Emulated : IAsyncDisposable
{
    public const decimal Limit = 5000.00m;

    private readonly ServiceProvider _services;

    private Emulated(ServiceProvider services, string database)
    {
        _services = services;
        Database = database;
    }

    /// <summary>The connection string of this emulator's payments database.</summary>
    public string Database { get; }

    /// <summary>The host's connections to its payments database.</summary>
    public NpgsqlDataSource DataSource => _services.GetRequiredService<NpgsqlDataSource>();

    /// <summary>The provider itself, with no faults around it.</summary>
    public PostgresPaymentProvider Provider => _services.GetRequiredService<PostgresPaymentProvider>();

    /// <summary>An emulator over a database that does not exist yet.</summary>
    public static async Task<Emulated> StartAsync()
    {
        var server = await PostgresServer.GetOrIgnoreAsync();
        return await StartAsync(server.ConnectionStringForNewDatabase("payments_emulator"));
    }

    /// <summary>A second emulator over the same database, as a second instance behind a load balancer.</summary>
    public static Task<Emulated> StartOverAsync(string database) => StartAsync(database);

    /// <summary>As after a restart of the host: nothing kept in memory, only what the database holds.</summary>
    public async Task<Emulated> RestartAsync()
    {
        await DisposeAsync();
        return await StartAsync(Database);
    }

    public static FaultInjectingPaymentProvider WithFaults(IPaymentProvider inner, FaultOptions faults) =>
        new(
            inner,
            Options.Create(new PaymentOptions { DeclineAbove = Limit, Faults = faults }),
            TimeProvider.System,
            NullLogger<FaultInjectingPaymentProvider>.Instance);

    public static ChargeAttempt Attempt(
        string? paymentId = null,
        decimal amount = 120.50m,
        string currency = "EUR",
        string orderId = "order-1",
        string userId = "user-1") =>
        new(paymentId ?? $"pay-{Guid.NewGuid():N}", orderId, userId, amount, currency);

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    private static async Task<Emulated> StartAsync(string database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{PaymentStoreOptions.ConnectionStringName}"] = database,
            [$"{PaymentOptions.SectionName}:DeclineAbove"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection().AddLogging().AddPaymentEmulator(configuration).BuildServiceProvider();
        foreach (var started in services.GetServices<IHostedService>())
        {
            await started.StartAsync(CancellationToken.None);
        }

        return new Emulated(services, database);
    }
}
