using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Orders.Infrastructure.Services;

/// <summary>Call options for one remote call: <c>Services:Deadline</c> from now, and the caller's cancellation.</summary>
internal sealed class ServiceDeadline(IOptions<ServicesOptions> options, TimeProvider timeProvider)
{
    public CallOptions For(CancellationToken cancellationToken) =>
        new(deadline: timeProvider.GetUtcNow().UtcDateTime + options.Value.Deadline, cancellationToken: cancellationToken);
}
