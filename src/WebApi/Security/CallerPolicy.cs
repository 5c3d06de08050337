using Microsoft.AspNetCore.Authorization;

namespace Orders.WebApi.Security;

/// <summary>The policy on every order endpoint: an authenticated caller with a subject, or anyone when auth is off.</summary>
internal static class CallerPolicy
{
    public const string Name = "caller";

    public static AuthorizationPolicy For(CallerAuthOptions options) =>
        options.IsOn
            ? new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(Caller.SubjectClaim).Build()
            : new AuthorizationPolicyBuilder().RequireAssertion(_ => true).Build();
}
