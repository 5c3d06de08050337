using System.Security.Claims;

namespace Orders.WebApi.Security;

/// <summary>Who is calling, as the orders use cases know it: the token's subject.</summary>
internal static class Caller
{
    public const string SubjectClaim = "sub";

    /// <summary>The caller's user id; null when authentication is off, and then no ownership is enforced.</summary>
    public static string? UserIdOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirst(SubjectClaim)?.Value : null;
}
