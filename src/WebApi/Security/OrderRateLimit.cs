using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Orders.WebApi.Problems;

namespace Orders.WebApi.Security;

/// <summary>
/// A fixed window of order placements per caller (token subject, else client address), as the rate limiter's global
/// limiter: it runs before the placement bulkhead, so a caller over its limit never takes a place in that queue.
/// </summary>
internal static class OrderRateLimit
{
    /// <summary>Marks the endpoints this limit counts.</summary>
    public sealed class Marker
    {
        public static readonly Marker Instance = new();
    }

    public static PartitionedRateLimiter<HttpContext> Create(OrderRateLimitOptions options) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            context.GetEndpoint()?.Metadata.GetMetadata<Marker>() is null
                ? RateLimitPartition.GetNoLimiter(string.Empty)
                : RateLimitPartition.GetFixedWindowLimiter(PartitionOf(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitLimit,
                    Window = options.Window,
                    QueueLimit = 0,
                }));

    public static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var response = context.HttpContext.Response;
        Problem.SetRetryAfter(response, Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)));
        await Problem.TooManyRequests().ExecuteAsync(context.HttpContext);
    }

    private static string PartitionOf(HttpContext context) =>
        Caller.UserIdOf(context.User) is { } userId
            ? $"user:{userId}"
            : $"address:{context.Connection.RemoteIpAddress}";
}
