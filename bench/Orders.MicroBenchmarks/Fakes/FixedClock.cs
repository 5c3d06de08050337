using Orders.Application.Abstractions;

namespace Orders.MicroBenchmarks.Fakes;

/// <summary>A clock that never moves: every benchmark run places the same order at the same time.</summary>
internal sealed class FixedClock(DateTimeOffset now) : IClock
{
    public DateTimeOffset UtcNow { get; } = now;
}
