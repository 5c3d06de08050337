using System.Threading.RateLimiting;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Orders.Application.Common;
using Orders.Application.Orders.CreateOrder;
using Orders.WebApi.Problems;
using Orders.WebApi.Security;

namespace Orders.WebApi.Orders;

/// <summary>
/// What a placement passes before anything is stored, in this order: validation (an invalid request is a 400 and
/// counts against nothing), the user's quota (429), then the instance's bulkhead (at most
/// <see cref="PlacementOptions.MaxConcurrent"/> sagas at once, <see cref="PlacementOptions.MaxQueued"/> waiting, else
/// 503). A request refused by its quota never takes a place in the bulkhead's queue. The mediator validates the command
/// again: the Application checks its own input, whoever sends it.
/// </summary>
internal sealed class PlacementAdmission(
    IEnumerable<IValidator<CreateOrderCommand>> validators,
    PlacementQuota quota,
    IOptions<PlacementOptions> placement) : IDisposable
{
    private readonly ConcurrencyLimiter _bulkhead = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = placement.Value.MaxConcurrent,
        QueueLimit = placement.Value.MaxQueued,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public async Task<Admission> AdmitAsync(CreateOrderCommand command, string? caller, HttpResponse response, CancellationToken cancellationToken)
    {
        var errors = await ValidationErrors.OfAsync(validators, command, cancellationToken);
        if (errors.Count > 0)
        {
            return Admission.Of(Problem.Validation(errors));
        }

        if (quota.WaitFor(caller) is { } wait)
        {
            Problem.SetRetryAfter(response, Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)));
            return Admission.Of(Problem.TooManyRequests());
        }

        var lease = await _bulkhead.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            return Admission.Of(Problem.Overloaded(response));
        }

        return new Admission(lease, null, null);
    }

    public void Dispose() => _bulkhead.Dispose();
}
