using Orders.Application.Abstractions;

namespace Orders.Infrastructure.Time;

/// <summary>The application's clock, read through <see cref="TimeProvider"/> so tests can swap in a fake one.</summary>
internal sealed class SystemClock(TimeProvider timeProvider) : IClock
{
    public DateTimeOffset UtcNow => timeProvider.GetUtcNow();
}
