using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Orders.Application.Abstractions;

namespace Orders.WebApi.Problems;

/// <summary>
/// The one place where exceptions become problems: unreadable bodies are the client's 400 (or 413), a store that
/// can't be reached is a 503, and anything else is a bug: logged, and answered with a 500 that reveals nothing.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problem.PayloadTooLarge(),
            BadHttpRequestException badRequest => UnreadableBody(badRequest),
            OrderStoreUnavailableException => StoreUnavailable(httpContext.Response),
            _ => null,
        };

        if (problem is null)
        {
            Log.Unhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = Problem.Internal();
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static HttpValidationProblemDetails UnreadableBody(BadHttpRequestException exception)
    {
        const string BodyDetail = "The body could not be read as the JSON this endpoint expects.";
        var (errors, detail) = exception.InnerException is JsonException json
            ? (UnreadableJson.Errors(json), BodyDetail)
            : UnboundParameter.Read(exception.Message) is { } parameter
                ? (new Dictionary<string, string[]> { [parameter.Name] = [parameter.Message] }, "A query parameter has the wrong type.")
                : (new Dictionary<string, string[]> { [FieldPath.Body] = ["A JSON body is required."] }, BodyDetail);
        return new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is invalid.",
            Detail = detail,
            Type = ProblemTypes.Validation,
        };
    }

    private static ProblemDetails StoreUnavailable(HttpResponse response)
    {
        Problem.SetRetryAfter(response, Problem.RetryAfterSeconds);
        return new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "A dependency is unavailable.",
            Detail = "The order store is unavailable. Retry later.",
            Type = ProblemTypes.DependencyUnavailable,
            Extensions = { ["dependency"] = "order-store" },
        };
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
        public static partial void Unhandled(ILogger logger, Exception exception, string method, PathString path);
    }
}
