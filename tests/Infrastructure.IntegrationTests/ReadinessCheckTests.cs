using Grpc.Health.V1;
using Grpc.HealthCheck;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orders.Infrastructure.IntegrationTests.Services;
using Orders.Testing;

namespace Orders.Infrastructure.IntegrationTests;

public sealed class ReadinessCheckTests
{
    private HealthServiceImpl _inventoryHealth = null!;
    private HealthServiceImpl _paymentHealth = null!;
    private FakeGrpcServer _inventory = null!;
    private FakeGrpcServer _payment = null!;
    private ServiceProvider _services = null!;

    [SetUp]
    public async Task StartDependencies()
    {
        var server = await PostgresServer.GetOrIgnoreAsync();
        _inventoryHealth = new HealthServiceImpl();
        _paymentHealth = new HealthServiceImpl();
        _inventoryHealth.SetStatus("", HealthCheckResponse.Types.ServingStatus.Serving);
        _paymentHealth.SetStatus("", HealthCheckResponse.Types.ServingStatus.Serving);
        _inventory = await FakeGrpcServer.StartAsync(_inventoryHealth);
        _payment = await FakeGrpcServer.StartAsync(_paymentHealth);
        _services = InfrastructureServices.Build(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Orders"] = await server.CreateDatabaseAsync("readiness"),
            ["Services:Inventory:Address"] = _inventory.Address.ToString(),
            ["Services:Payment:Address"] = _payment.Address.ToString(),
        });
    }

    [TearDown]
    public async Task StopDependencies()
    {
        await _services.DisposeAsync();
        await _inventory.DisposeAsync();
        await _payment.DisposeAsync();
    }

    [Test]
    public async Task Ready_when_the_database_answers_and_both_services_are_serving()
    {
        var report = await CheckReadinessAsync();

        Assert.Multiple(() =>
        {
            Assert.That(report.Entries.Keys, Is.EquivalentTo(new[]
            {
                DependencyInjection.DatabaseHealthCheck, DependencyInjection.InventoryHealthCheck, DependencyInjection.PaymentHealthCheck,
            }));
            Assert.That(report.Entries.Values.Select(entry => entry.Status), Has.All.EqualTo(HealthStatus.Healthy));
        });
    }

    [Test]
    public async Task Not_ready_when_a_service_reports_not_serving()
    {
        _paymentHealth.SetStatus("", HealthCheckResponse.Types.ServingStatus.NotServing);

        var report = await CheckReadinessAsync();

        Assert.Multiple(() =>
        {
            Assert.That(report.Status, Is.EqualTo(HealthStatus.Unhealthy));
            Assert.That(report.Entries[DependencyInjection.PaymentHealthCheck].Status, Is.EqualTo(HealthStatus.Unhealthy));
            Assert.That(report.Entries[DependencyInjection.InventoryHealthCheck].Status, Is.EqualTo(HealthStatus.Healthy));
        });
    }

    [Test]
    public async Task Not_ready_when_a_service_does_not_answer()
    {
        await _inventory.DisposeAsync();

        var report = await CheckReadinessAsync();

        Assert.That(report.Entries[DependencyInjection.InventoryHealthCheck].Status, Is.EqualTo(HealthStatus.Unhealthy));
    }

    private Task<HealthReport> CheckReadinessAsync() =>
        _services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(registration => registration.Tags.Contains(DependencyInjection.ReadyTag));
}
