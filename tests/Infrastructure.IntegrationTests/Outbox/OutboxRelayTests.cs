using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orders.Infrastructure.Messaging;
using Orders.Infrastructure.Outbox;
using Orders.Testing;

namespace Orders.Infrastructure.IntegrationTests.Outbox;

/// <summary>The relay against a real RabbitMQ: every event arrives, a crash duplicates but never loses, relays never share a row.</summary>
public sealed class OutboxRelayTests
{
    private static readonly TimeSpan Arrival = TimeSpan.FromSeconds(30);

    private RabbitMqServer _broker = null!;
    private ServiceProvider _services = null!;
    private OrderEventCollector _consumer = null!;

    [OneTimeSetUp]
    public async Task StartServers()
    {
        await PostgresServer.GetOrIgnoreAsync();
        _broker = await RabbitMqServer.GetOrIgnoreAsync();
        TestContext.Out.WriteLine($"RabbitMQ: {_broker.Origin}");
        _services = await RelayServices.StartAsync("outbox_relay", _broker, batchSize: 5);
    }

    [OneTimeTearDown]
    public async Task DisposeServices()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    [SetUp]
    public async Task StartConsumer() => _consumer = await OrderEventCollector.StartAsync(_broker.AmqpUri);

    [TearDown]
    public async Task StopConsumer() => await _consumer.DisposeAsync();

    [Test]
    public async Task Each_event_row_arrives_once_after_a_relay_pass_with_its_id_type_and_routing_key()
    {
        var orders = new List<Guid>();
        foreach (var status in OrderJourneys.PublishedStatuses)
        {
            orders.Add((await OrderJourneys.PlaceAsync(_services, status)).Id.Value);
        }

        var rows = await OutboxDatabase.RowsOfAsync(_services, [.. orders]);

        await RelayServices.DrainAsync(_services, _services.GetRequiredService<OutboxRelay>());

        var ids = rows.Select(row => row.Id.ToString()).ToList();
        await _consumer.WaitForIdsAsync(ids, Arrival);
        var received = _consumer.Received.Where(e => ids.Contains(e.Id)).ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(received.Select(e => e.Id), Is.EquivalentTo(ids), "exactly one message per row");
            Assert.That(received.Select(e => e.MessageId), Is.EqualTo(received.Select(e => e.Id)));
            Assert.That(received.Select(e => e.RoutingKey), Is.EqualTo(received.Select(e => e.Type)));
            Assert.That(received.Select(e => e.Type).Distinct(), Is.EquivalentTo(OrderJourneys.PublishedStatuses.Select(status => $"order.{status}")));
            Assert.That(received.Select(e => e.Persistent), Is.All.True);
            Assert.That(received.Select(e => e.ContentType), Is.All.EqualTo(OrderEventEnvelope.ContentType));
            Assert.That((await OutboxDatabase.RowsOfAsync(_services, [.. orders])).Select(row => row.SentAt), Is.All.Not.Null);
        });
    }

    [Test]
    public async Task A_relay_that_dies_between_publishing_and_marking_sent_is_followed_by_a_duplicate_with_the_same_id()
    {
        var order = await OrderJourneys.PlaceAsync(_services, "confirmed");
        var row = (await OutboxDatabase.RowsOfAsync(_services, order.Id.Value)).Single();
        var broker = ActivatorUtilities.CreateInstance<RabbitMqEventPublisher>(_services);
        await using var _ = broker;
        using var process = new CancellationTokenSource();
        var dying = ActivatorUtilities.CreateInstance<OutboxRelay>(_services, new DiesAfterPublishing(broker, process));

        Assert.CatchAsync<OperationCanceledException>(() => dying.RelayOnceAsync(process.Token));
        await _consumer.WaitForIdsAsync([row.Id.ToString()], Arrival);
        var stillPending = (await OutboxDatabase.RowsOfAsync(_services, order.Id.Value)).Single().SentAt is null;
        await RelayServices.DrainAsync(_services, _services.GetRequiredService<OutboxRelay>());

        var received = await _consumer.WaitForAsync(events => events.Count(e => e.Id == row.Id.ToString()) >= 2, Arrival);
        TestContext.Out.WriteLine($"deliveries of event {row.Id}: {received.Count(e => e.Id == row.Id.ToString())}");
        Assert.Multiple(async () =>
        {
            Assert.That(stillPending, Is.True, "the row stays pending when the relay dies before its commit");
            Assert.That(received.Count(e => e.Id == row.Id.ToString()), Is.EqualTo(2));
            Assert.That((await OutboxDatabase.RowsOfAsync(_services, order.Id.Value)).Single().SentAt, Is.Not.Null);
        });
    }

    [Test]
    public async Task Two_relays_working_at_once_never_publish_the_same_row()
    {
        const int Orders = 40;
        var rows = new List<Guid>();
        for (var i = 0; i < Orders; i++)
        {
            var order = await OrderJourneys.PlaceAsync(_services, "rejected");
            rows.Add((await OutboxDatabase.RowsOfAsync(_services, order.Id.Value)).Single().Id);
        }

        var published = new ConcurrentQueue<(string Relay, Guid EventId)>();
        var brokerA = ActivatorUtilities.CreateInstance<RabbitMqEventPublisher>(_services);
        var brokerB = ActivatorUtilities.CreateInstance<RabbitMqEventPublisher>(_services);
        await using var a = brokerA;
        await using var b = brokerB;
        var relayA = ActivatorUtilities.CreateInstance<OutboxRelay>(_services, new RecordingPublisher(brokerA, "A", published));
        var relayB = ActivatorUtilities.CreateInstance<OutboxRelay>(_services, new RecordingPublisher(brokerB, "B", published));

        await Task.WhenAll(Task.Run(() => RelayServices.DrainAsync(_services, relayA)), Task.Run(() => RelayServices.DrainAsync(_services, relayB)));

        var ours = published.Where(entry => rows.Contains(entry.EventId)).ToList();
        TestContext.Out.WriteLine($"relay A published {ours.Count(e => e.Relay == "A")}, relay B {ours.Count(e => e.Relay == "B")}");
        Assert.Multiple(() =>
        {
            Assert.That(ours.Select(entry => entry.EventId), Is.EquivalentTo(rows), "each row published exactly once");
            Assert.That(ours.Select(entry => entry.Relay).Distinct(), Is.EquivalentTo(new[] { "A", "B" }), "both relays took rows");
        });
        await _consumer.WaitForIdsAsync(rows.Select(id => id.ToString()), Arrival);
    }
}
