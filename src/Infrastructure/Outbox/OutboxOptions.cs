namespace Orders.Infrastructure.Outbox;

/// <summary>The <c>Outbox</c> section: how the relay reads pending events and how long sent ones are kept.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary><c>Outbox:PollInterval</c>: the pause after a pass that found no more pending events.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary><c>Outbox:BatchSize</c>: how many events one pass claims and publishes.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary><c>Outbox:MaxBackoff</c>: the longest pause between attempts while the broker is away (doubling from the poll interval).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><c>Outbox:SentRetention</c>: how long a published event's row is kept before the cleanup deletes it.</summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary><c>Outbox:CleanupInterval</c>: how often sent rows past their retention are deleted.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(5);
}
