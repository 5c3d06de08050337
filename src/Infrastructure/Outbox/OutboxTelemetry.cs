using System.Diagnostics.Metrics;

namespace Orders.Infrastructure.Outbox;

/// <summary>The relay's metrics: what it published, what failed, and how much waits, for how long.</summary>
public static class OutboxTelemetry
{
    public const string MeterName = "Orders.Outbox";

    private static readonly Meter Meter = new(MeterName);

    private static long s_pending;
    private static double s_oldestPendingAgeSeconds;

    internal static readonly Counter<long> Published = Meter.CreateCounter<long>(
        "orders.outbox.published", "{event}", "Order events the broker confirmed.");

    internal static readonly Counter<long> PublishFailures = Meter.CreateCounter<long>(
        "orders.outbox.publish_failures", "{attempt}", "Attempts to publish that failed: the broker was away or refused an event.");

    private static readonly ObservableGauge<long> Pending = Meter.CreateObservableGauge(
        "orders.outbox.pending", () => Volatile.Read(ref s_pending), "{event}", "Order events not yet published, as of the relay's last pass.");

    private static readonly ObservableGauge<double> OldestPendingAge = Meter.CreateObservableGauge(
        "orders.outbox.oldest_pending_age", () => Volatile.Read(ref s_oldestPendingAgeSeconds), "s", "Age of the oldest order event not yet published, as of the relay's last pass.");

    internal static void ObserveBacklog(long pending, TimeSpan oldestAge)
    {
        Volatile.Write(ref s_pending, pending);
        Volatile.Write(ref s_oldestPendingAgeSeconds, oldestAge.TotalSeconds);
    }
}
