using Orders.Application.Abstractions;

namespace Orders.Infrastructure.Time;

/// <summary>
/// The application's clock, read through <see cref="TimeProvider"/> so tests can swap in a fake one. Times are cut to
/// whole microseconds, PostgreSQL's precision, so an order answered from memory reads the same as the one stored.
/// </summary>
internal sealed class SystemClock(TimeProvider timeProvider) : IClock
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    public DateTimeOffset UtcNow
    {
        get
        {
            var now = timeProvider.GetUtcNow();
            return now.AddTicks(-(now.UtcTicks % TicksPerMicrosecond));
        }
    }
}
