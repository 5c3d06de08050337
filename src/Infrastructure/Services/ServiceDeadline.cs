using Grpc.Core;
using Microsoft.Extensions.Options;
using Orders.Contracts.Security;

namespace Orders.Infrastructure.Services;

/// <summary>
/// Call options for one remote call: <c>Services:Deadline</c> from now, the caller's cancellation and the service key
/// the Inventory and Payment services require.
/// </summary>
internal sealed class ServiceDeadline(IOptions<ServicesOptions> options, IOptions<ServiceCredentialOptions> credential, TimeProvider timeProvider)
{
    public CallOptions For(CancellationToken cancellationToken) =>
        new(
            headers: ServiceCredential.Attach([], credential.Value.Key),
            deadline: timeProvider.GetUtcNow().UtcDateTime + options.Value.Deadline,
            cancellationToken: cancellationToken);
}
