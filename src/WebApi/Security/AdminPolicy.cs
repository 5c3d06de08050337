using Microsoft.AspNetCore.Authorization;

namespace Orders.WebApi.Security;

/// <summary>Stock administration: an authenticated caller with the <c>admin</c> role, or anyone when auth is off.</summary>
internal static class AdminPolicy
{
    public const string Name = "admin";
    public const string Role = "admin";

    public static AuthorizationPolicy For(CallerAuthOptions options) =>
        options.IsOn
            ? new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireAssertion(context => context.User.HasClaim("role", Role) || context.User.IsInRole(Role))
                .Build()
            : new AuthorizationPolicyBuilder().RequireAssertion(_ => true).Build();
}
