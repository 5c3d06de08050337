using Microsoft.AspNetCore.Http.Metadata;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Orders.WebApi.OpenApi;

/// <summary>NSwag does not read a minimal API's <c>WithSummary</c>/<c>WithDescription</c>: this carries them into the operation.</summary>
internal sealed class EndpointTexts : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context is not AspNetCoreOperationProcessorContext aspNetCore)
        {
            return true;
        }

        var metadata = aspNetCore.ApiDescription.ActionDescriptor.EndpointMetadata;
        var operation = context.OperationDescription.Operation;
        operation.Summary = metadata.OfType<IEndpointSummaryMetadata>().LastOrDefault()?.Summary ?? operation.Summary;
        operation.Description = metadata.OfType<IEndpointDescriptionMetadata>().LastOrDefault()?.Description ?? operation.Description;
        return true;
    }
}
