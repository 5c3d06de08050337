using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orders.Infrastructure.Outbox;
using Orders.Testing;

namespace Orders.Infrastructure.IntegrationTests.Outbox;

/// <summary>The broker goes away for a while: orders are still stored at once, and their events arrive once it is back.</summary>
public sealed class BrokerOutageTests
{
    private const int PlacedBefore = 3;
    private const int PlacedWhileDown = 20;
    private static readonly TimeSpan Down = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Arrival = TimeSpan.FromMinutes(1);

    [Test]
    public async Task Orders_are_stored_while_the_broker_is_down_and_their_events_arrive_after_it_returns()
    {
        await PostgresServer.GetOrIgnoreAsync();
        var broker = await RabbitMqServer.GetOrIgnoreAsync();
        await using var services = await RelayServices.StartAsync("broker_outage", broker);
        await using var consumer = await OrderEventCollector.StartAsync(broker.AmqpUri);
        var relay = ActivatorUtilities.CreateInstance<OutboxRelayService>(services);
        await relay.StartAsync(CancellationToken.None);
        try
        {
            var before = await PlaceConfirmedAsync(services, PlacedBefore);
            await consumer.WaitForIdsAsync(await EventIdsAsync(services, before), Arrival);

            await broker.StopAppAsync();
            List<Guid> whileDown;
            TimeSpan slowestWrite;
            List<string> ids;
            int pendingAtReturn;
            int deliveredBefore;
            try
            {
                (whileDown, slowestWrite) = await TimedPlaceConfirmedAsync(services, PlacedWhileDown);
                await Task.Delay(Down);
                ids = await EventIdsAsync(services, whileDown);
                pendingAtReturn = await OutboxDatabase.PendingAsync(services);
                deliveredBefore = consumer.Received.Count(e => ids.Contains(e.Id));
            }
            finally
            {
                await broker.StartAppAsync();
            }

            var received = await consumer.WaitForIdsAsync(ids, Arrival);
            var ours = received.Where(e => ids.Contains(e.Id)).ToList();
            var duplicates = ours.Count - ours.Select(e => e.Id).Distinct().Count();

            await TestContext.Out.WriteLineAsync(
                $"broker outage: {whileDown.Count} orders placed while it was down (slowest write {slowestWrite.TotalMilliseconds:F0} ms), " +
                $"{pendingAtReturn} events pending when it returned, {ours.Select(e => e.Id).Distinct().Count()} delivered after, " +
                $"{duplicates} duplicates seen");
            Assert.Multiple(() =>
            {
                Assert.That(whileDown, Has.Count.EqualTo(PlacedWhileDown), "every order was stored while the broker was down");
                Assert.That(deliveredBefore, Is.Zero, "nothing could be delivered while the broker was down");
                Assert.That(pendingAtReturn, Is.EqualTo(PlacedWhileDown));
                Assert.That(ours.Select(e => e.Id).Distinct(), Is.EquivalentTo(ids), "no event lost");
            });
        }
        finally
        {
            await relay.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<List<Guid>> PlaceConfirmedAsync(IServiceProvider services, int count) =>
        (await TimedPlaceConfirmedAsync(services, count)).Orders;

    /// <summary>Places confirmed orders; returns them and the longest any one took, which no broker outage should lengthen.</summary>
    private static async Task<(List<Guid> Orders, TimeSpan Slowest)> TimedPlaceConfirmedAsync(IServiceProvider services, int count)
    {
        var orders = new List<Guid>();
        var slowest = TimeSpan.Zero;
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            orders.Add((await OrderJourneys.PlaceAsync(services, "confirmed")).Id.Value);
            slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
        }

        return (orders, slowest);
    }

    private static async Task<List<string>> EventIdsAsync(IServiceProvider services, List<Guid> orders) =>
        [.. (await OutboxDatabase.RowsOfAsync(services, [.. orders])).Select(row => row.Id.ToString())];
}
