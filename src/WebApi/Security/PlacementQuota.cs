using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Orders.WebApi.Security;

/// <summary>
/// How many orders one authenticated user may place per window. Only placements that passed validation are
/// counted, so a client fixing its requests is not locked out. With authentication off there is no user to count
/// by (a client address is shared behind a proxy and by every local script), so there is no quota then.
/// </summary>
internal sealed class PlacementQuota(IOptions<OrderRateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(userId =>
        RateLimitPartition.GetFixedWindowLimiter(userId, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.PermitLimit,
            Window = options.Value.Window,
            QueueLimit = 0,
        }));

    /// <summary>Null when the order may be placed, else how long the user should wait.</summary>
    public TimeSpan? WaitFor(string? userId)
    {
        if (userId is null)
        {
            return null;
        }

        using var lease = _limiter.AttemptAcquire(userId);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
    }

    public void Dispose() => _limiter.Dispose();
}
