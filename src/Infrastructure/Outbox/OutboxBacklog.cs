namespace Orders.Infrastructure.Outbox;

/// <summary>The events not yet published, and how long the oldest of them has waited.</summary>
internal readonly record struct OutboxBacklog(int Pending, TimeSpan OldestAge);
