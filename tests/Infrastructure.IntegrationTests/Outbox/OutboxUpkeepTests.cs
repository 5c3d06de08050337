using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orders.Infrastructure.Messaging;
using Orders.Infrastructure.Outbox;
using Orders.Infrastructure.Persistence;
using Orders.Testing;

namespace Orders.Infrastructure.IntegrationTests.Outbox;

/// <summary>Sent rows are deleted after their retention, the backlog is measured, and the relay is there only with a broker.</summary>
public sealed class OutboxUpkeepTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Test]
    public async Task The_cleanup_deletes_sent_rows_past_their_retention_and_keeps_the_rest()
    {
        await using var services = await ServicesAsync("outbox_cleanup");
        var oldSent = await InsertAsync(services, createdAt: Now.AddDays(-3), sentAt: Now.AddDays(-2));
        var freshSent = await InsertAsync(services, createdAt: Now.AddHours(-1), sentAt: Now.AddMinutes(-1));
        var oldPending = await InsertAsync(services, createdAt: Now.AddDays(-3), sentAt: null);

        var deleted = await services.GetRequiredService<OutboxRelay>().DeleteSentAsync(CancellationToken.None);

        await using var scope = services.CreateAsyncScope();
        var left = await scope.ServiceProvider.GetRequiredService<OrdersDbContext>().Set<OutboxMessage>().Select(message => message.Id).ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(deleted, Is.EqualTo(1));
            Assert.That(left, Is.EquivalentTo(new[] { freshSent, oldPending }));
            Assert.That(left, Does.Not.Contain(oldSent));
        });
    }

    [Test]
    public async Task The_backlog_counts_pending_events_and_ages_the_oldest_and_the_metrics_report_it()
    {
        await using var services = await ServicesAsync("outbox_backlog");
        await InsertAsync(services, createdAt: Now.AddMinutes(-10), sentAt: null);
        await InsertAsync(services, createdAt: Now.AddMinutes(-1), sentAt: null);
        await InsertAsync(services, createdAt: Now.AddMinutes(-20), sentAt: Now.AddMinutes(-19));
        var gauges = new Dictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == OutboxTelemetry.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => gauges[instrument.Name] = value);
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => gauges[instrument.Name] = value);
        listener.Start();

        var backlog = await services.GetRequiredService<OutboxRelay>().MeasureBacklogAsync(CancellationToken.None);
        listener.RecordObservableInstruments();

        Assert.Multiple(() =>
        {
            Assert.That(backlog.Pending, Is.EqualTo(2));
            Assert.That(backlog.OldestAge, Is.GreaterThanOrEqualTo(TimeSpan.FromMinutes(10)).And.LessThan(TimeSpan.FromMinutes(11)));
            Assert.That(gauges["orders.outbox.pending"], Is.EqualTo(2));
            Assert.That(gauges["orders.outbox.oldest_pending_age"], Is.EqualTo(backlog.OldestAge.TotalSeconds));
        });
    }

    [Test]
    public void Without_a_RabbitMq_section_no_relay_runs()
    {
        var configuration = InfrastructureServices.Configuration(new Dictionary<string, string?> { ["ConnectionStrings:Orders"] = InfrastructureServices.UnusedDatabase });
        using var services = new ServiceCollection().AddLogging().AddInfrastructure(configuration).AddOrderEventRelay(configuration).BuildServiceProvider();

        Assert.That(services.GetService<OutboxRelay>(), Is.Null);
    }

    [TestCase("RabbitMq:Uri", "http://localhost:5672", "RabbitMq:Uri must be an absolute amqp://")]
    [TestCase("RabbitMq:PublishTimeout", "00:00:00", "RabbitMq:PublishTimeout must be a positive time span")]
    [TestCase("Outbox:BatchSize", "0", "Outbox:BatchSize must be between 1 and")]
    [TestCase("Outbox:MaxBackoff", "00:00:00.01", "must not be shorter than Outbox:PollInterval")]
    public void A_wrong_setting_is_refused_with_its_name(string setting, string value, string message)
    {
        var configuration = InfrastructureServices.Configuration(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Orders"] = InfrastructureServices.UnusedDatabase,
            ["RabbitMq:Uri"] = "amqp://guest:guest@localhost:5672/",
            [setting] = value,
        });
        using var services = new ServiceCollection().AddLogging().AddInfrastructure(configuration).AddOrderEventRelay(configuration).BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() =>
        {
            _ = services.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
            _ = services.GetRequiredService<IOptions<OutboxOptions>>().Value;
        });
        Assert.That(failure!.Message, Does.Contain(message));
    }

    private static async Task<ServiceProvider> ServicesAsync(string prefix)
    {
        await PostgresServer.GetOrIgnoreAsync();
        // The relay's broker is never reached here: cleanup and backlog only read and write the table.
        var server = await PostgresServer.GetAsync();
        var configuration = InfrastructureServices.Configuration(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Orders"] = await server.CreateDatabaseAsync(prefix),
            ["RabbitMq:Uri"] = "amqp://guest:guest@127.0.0.1:1/",
        });
        var services = new ServiceCollection().AddLogging().AddInfrastructure(configuration).AddOrderEventRelay(configuration).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.MigrateOrdersDatabaseAsync(CancellationToken.None);
        return services;
    }

    private static async Task<Guid> InsertAsync(IServiceProvider services, DateTimeOffset createdAt, DateTimeOffset? sentAt)
    {
        var id = Guid.CreateVersion7(createdAt);
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        await context.Database.ExecuteSqlAsync(
            $"INSERT INTO outbox_messages (id, order_id, type, envelope, created_at, sent_at) VALUES ({id}, {Guid.NewGuid()}, 'order.confirmed', '{{}}'::jsonb, {createdAt}, {sentAt})");
        return id;
    }
}
