using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using NJsonSchema.Generation;
using Microsoft.Extensions.Options;
using Orders.Application.Abstractions;
using Orders.Application.Common;
using Orders.Application.Orders.CreateOrder;
using Orders.WebApi.Faults;
using Orders.WebApi.OpenApi;
using Orders.WebApi.Orders;
using Orders.WebApi.Problems;
using Orders.WebApi.Recovery;
using Orders.WebApi.Security;

namespace Orders.WebApi;

public static class DependencyInjection
{
    /// <summary>The HTTP edge: snake_case JSON, problem details for every error, the mediator, the OpenAPI document.</summary>
    public static IServiceCollection AddWebApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options => ReadStrictly(UseWireFormat(options.SerializerOptions)));

        // Validation messages name a field as the client sends it ('user_id'), not as C# spells it.
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : JsonNamingPolicy.SnakeCaseLower.ConvertName(member.Name);

        // Unreadable bodies reach ProblemExceptionHandler, which answers with field-level problems.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemTypes.ApplyToFrameworkProblems);
        services.AddExceptionHandler<ProblemExceptionHandler>();

        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(CreateOrderCommand)];
            options.PipelineBehaviors = [typeof(TracingBehavior<,>), typeof(ValidationBehavior<,>)];
        });

        services.AddEndpointsApiExplorer();
        services.AddOpenApiDocument(settings =>
        {
            settings.DocumentName = "v1";
            settings.Title = "Orders API";
            settings.Version = "v1";
            settings.Description = "Places orders: reserves stock, charges the payment, confirms. Every error is an RFC 9457 problem.";
            settings.SchemaSettings = new SystemTextJsonSchemaGeneratorSettings
            {
                SchemaType = NJsonSchema.SchemaType.OpenApi3,
                SerializerOptions = UseWireFormat(new JsonSerializerOptions(JsonSerializerDefaults.Web)),
            };
            settings.SchemaSettings.SchemaProcessors.Add(new WireSchemas());
            settings.OperationProcessors.Add(new EndpointTexts());
            settings.OperationProcessors.Add(new ProblemResponses());
            SecurityRegistration.DescribeBearer(settings);
        });

        return services;
    }

    /// <summary>The background job that drives orders left pending to an end; options validated at start.</summary>
    public static IServiceCollection AddOrderRecovery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RecoveryOptions>()
            .Bind(configuration.GetSection(RecoveryOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RecoveryOptions>, RecoveryOptionsValidator>();
        services.AddHostedService<OrderRecoveryService>();
        return services;
    }

    /// <summary>
    /// At most <see cref="PlacementOptions.MaxConcurrent"/> order placements run at once per instance, the rest
    /// queue; past <see cref="PlacementOptions.MaxQueued"/> the request is shed with a 503 before anything is stored.
    /// </summary>
    public static IServiceCollection AddPlacementLimit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PlacementOptions>()
            .Bind(configuration.GetSection(PlacementOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PlacementOptions>, PlacementOptionsValidator>();
        services.AddSingleton<PlacementAdmission>();
        return services;
    }

    /// <summary>Test-only faults, registered only when their setting is on: nothing changes otherwise.</summary>
    public static IServiceCollection AddFaultsWhenSwitchedOn(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue<bool>(CrashAfterChargePayment.Setting))
        {
            var payment = services.Last(descriptor => descriptor.ServiceType == typeof(IPayment));
            services.Remove(payment);
            services.Add(ServiceDescriptor.Describe(
                typeof(IPayment),
                provider => new CrashAfterChargePayment((IPayment)ActivatorUtilities.CreateInstance(provider, payment.ImplementationType!)),
                payment.Lifetime));
        }

        return services;
    }

    /// <summary>
    /// A body means one thing or is refused (400): unknown fields, a key given twice and numbers sent as strings are
    /// errors, not guesses. Reading only: the OpenAPI document already says integer, and lists every field.
    /// </summary>
    private static JsonSerializerOptions ReadStrictly(JsonSerializerOptions options)
    {
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.RespectNullableAnnotations = true;
        return options;
    }

    private static JsonSerializerOptions UseWireFormat(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        return options;
    }
}
