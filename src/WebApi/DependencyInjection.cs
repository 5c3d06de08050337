using System.Text.Json;
using System.Text.Json.Serialization;
using Mediator;
using NJsonSchema.Generation;
using Orders.Application.Common;
using Orders.Application.Orders.CreateOrder;
using Orders.WebApi.Problems;

namespace Orders.WebApi;

public static class DependencyInjection
{
    /// <summary>The HTTP edge: snake_case JSON, problem details for every error, the mediator, the OpenAPI document.</summary>
    public static IServiceCollection AddWebApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options => UseWireFormat(options.SerializerOptions));

        // Unreadable bodies reach ProblemExceptionHandler, which answers with field-level problems.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemTypes.ApplyToFrameworkProblems);
        services.AddExceptionHandler<ProblemExceptionHandler>();

        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(CreateOrderCommand)];
            options.PipelineBehaviors = [typeof(ValidationBehavior<,>)];
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
        });

        return services;
    }

    private static JsonSerializerOptions UseWireFormat(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        return options;
    }
}
