using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.Options;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors.Security;

namespace Orders.WebApi.Security;

/// <summary>Bearer authentication, the caller policy, the per-caller order limit and request timeouts.</summary>
public static class SecurityRegistration
{
    /// <summary>The longest a request may hold a worker; a slow client is cut off here.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CallerAuthOptions>()
            .Bind(configuration.GetSection(CallerAuthOptions.Section))
            .PostConfigure<IHostEnvironment>((options, environment) => options.Enabled ??= environment.IsProduction());

        // Reads Authentication:Schemes:Bearer (Authority, ValidAudiences, ValidIssuer, SigningKeys as dotnet user-jwts writes them).
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options => options.MapInboundClaims = false);
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Validate<IOptions<CallerAuthOptions>>(
                (bearer, auth) => !auth.Value.IsOn || IsConfigured(bearer),
                "Auth is on but Authentication:Schemes:Bearer has no Authority or SigningKeys, or no audience: configure them "
                + "(dotnet user-jwts for development), or set Auth:Enabled=false to run without authentication.")
            .ValidateOnStart();

        services.AddAuthorization();
        services.AddOptions<AuthorizationOptions>()
            .Configure<IOptions<CallerAuthOptions>>((authorization, auth) =>
            {
                authorization.AddPolicy(CallerPolicy.Name, CallerPolicy.For(auth.Value));
                authorization.AddPolicy(AdminPolicy.Name, AdminPolicy.For(auth.Value));
            });

        services.AddOptions<OrderRateLimitOptions>()
            .Bind(configuration.GetSection(OrderRateLimitOptions.Section))
            .Validate(options => options.PermitLimit > 0 && options.Window > TimeSpan.Zero, "RateLimiting:Orders needs PermitLimit > 0 and a positive Window.")
            .ValidateOnStart();
        services.AddSingleton<PlacementQuota>();

        services.AddRequestTimeouts(options => options.DefaultPolicy = new RequestTimeoutPolicy { Timeout = RequestTimeout });
        return services;
    }

    /// <summary>Before the rate limiter, which partitions by the authenticated caller.</summary>
    public static WebApplication UseSecurity(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<CallerAuthOptions>>().Value.IsOn)
        {
            app.Logger.LogWarning("AUTHENTICATION IS OFF (Auth:Enabled=false): anyone can read, place and cancel any user's orders. Never run like this in production.");
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRequestTimeouts();
        return app;
    }

    /// <summary>The bearer scheme in the OpenAPI document, required by every endpoint that requires authorization.</summary>
    public static void DescribeBearer(AspNetCoreOpenApiDocumentGeneratorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.AddSecurity(JwtBearerDefaults.AuthenticationScheme, new OpenApiSecurityScheme
        {
            Type = OpenApiSecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A JWT whose sub is the user id (dotnet user-jwts create --name u1 in development).",
        });
        settings.OperationProcessors.Add(new AspNetCoreOperationSecurityScopeProcessor(JwtBearerDefaults.AuthenticationScheme));
    }

    private static bool IsConfigured(JwtBearerOptions bearer)
    {
        var parameters = bearer.TokenValidationParameters;
        var hasKeys = !string.IsNullOrEmpty(bearer.Authority) || parameters.IssuerSigningKeys?.Any() == true || parameters.IssuerSigningKey is not null;
        var hasAudience = !string.IsNullOrEmpty(bearer.Audience) || parameters.ValidAudiences?.Any() == true || !string.IsNullOrEmpty(parameters.ValidAudience);
        return hasKeys && hasAudience;
    }
}
