using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Orders.WebApi.Problems;

namespace Orders.WebApi.Orders;

/// <summary>One concurrency limiter for every order placement of this instance: a bulkhead in front of the saga.</summary>
internal sealed class PlacementLimitPolicy(IOptions<PlacementOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "order-placement";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetConcurrencyLimiter(Name, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = options.Value.MaxConcurrent,
            QueueLimit = options.Value.MaxQueued,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken) =>
        await Problem.Overloaded(context.HttpContext.Response).ExecuteAsync(context.HttpContext);
}
