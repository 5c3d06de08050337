using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Orders.WebApi.Orders;

/// <summary>
/// The answer to a placement asking to run: a place in the bulkhead (disposing the admission frees it), or the
/// problem it was refused with.
/// </summary>
internal sealed record Admission(RateLimitLease? Lease, ValidationProblem? Invalid, ProblemHttpResult? Refused) : IDisposable
{
    public static Admission Of(ValidationProblem problem) => new(null, problem, null);

    public static Admission Of(ProblemHttpResult problem) => new(null, null, problem);

    public void Dispose() => Lease?.Dispose();
}
