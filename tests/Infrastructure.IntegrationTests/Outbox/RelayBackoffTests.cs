using Orders.Infrastructure.Outbox;

namespace Orders.Infrastructure.IntegrationTests.Outbox;

/// <summary>While the broker is away, attempts slow down from the poll interval to the longest backoff, and no further.</summary>
public sealed class RelayBackoffTests
{
    private static readonly OutboxOptions Settings = new() { PollInterval = TimeSpan.FromMilliseconds(500), MaxBackoff = TimeSpan.FromSeconds(30) };

    [TestCase(1, 500)]
    [TestCase(2, 1_000)]
    [TestCase(3, 2_000)]
    [TestCase(6, 16_000)]
    [TestCase(7, 30_000)]
    [TestCase(1_000, 30_000)]
    public void The_pause_after_failures_in_a_row_doubles_from_the_poll_interval_up_to_the_longest_backoff(int failuresInARow, int milliseconds) =>
        Assert.That(OutboxRelayService.Backoff(Settings, failuresInARow), Is.EqualTo(TimeSpan.FromMilliseconds(milliseconds)));
}
