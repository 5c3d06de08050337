using Grpc.Core;
using Orders.Application.Abstractions;

namespace Orders.Infrastructure.Services;

/// <summary>
/// One idempotent step on a remote service (release, commit, return, refund) as a <see cref="StepOutcome"/>: the
/// refusals the caller names and unanswered calls are outcomes; any other gRPC status is a bug and is thrown.
/// </summary>
internal static class RemoteStep
{
    public static async Task<StepOutcome> RunAsync(string service, string method, Func<Task> call, params StatusCode[] refusedWith)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            await call().ConfigureAwait(false);
            return StepOutcome.Succeeded;
        }
        catch (RpcException exception) when (refusedWith.Contains(exception.StatusCode))
        {
            return new StepOutcome.Refused(RpcFailure.Describe(service, method, exception));
        }
        catch (RpcException exception) when (RpcFailure.IsUnavailable(exception))
        {
            return new StepOutcome.Unavailable(RpcFailure.Describe(service, method, exception));
        }
    }
}
