namespace Orders.WebApi.Problems;

/// <summary>The <c>type</c> of every problem this API answers with (RFC 9457), relative to the API's own address.</summary>
public static class ProblemTypes
{
    public const string Validation = "/problems/validation";
    public const string NotFound = "/problems/not-found";
    public const string InsufficientStock = "/problems/insufficient-stock";
    public const string UnknownProduct = "/problems/unknown-product";
    public const string PaymentDeclined = "/problems/payment-declined";
    public const string DependencyUnavailable = "/problems/dependency-unavailable";
    public const string IdempotencyKeyReused = "/problems/idempotency-key-reused";
    public const string OrderInProgress = "/problems/order-in-progress";
    public const string OrderNotCancellable = "/problems/order-not-cancellable";
    public const string OrderNeedsAttention = "/problems/order-needs-attention";
    public const string OrderNotNeedingAttention = "/problems/order-not-needing-attention";
    public const string PayloadTooLarge = "/problems/payload-too-large";
    public const string UnsupportedMediaType = "/problems/unsupported-media-type";
    public const string MethodNotAllowed = "/problems/method-not-allowed";
    public const string Internal = "/problems/internal";
    public const string Unauthorized = "/problems/unauthorized";
    public const string Forbidden = "/problems/forbidden";
    public const string TooManyRequests = "/problems/too-many-requests";
    public const string Timeout = "/problems/timeout";

    /// <summary>Problems the framework writes itself (unknown route, wrong media type) get this API's types too.</summary>
    public static void ApplyToFrameworkProblems(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        problem.Detail ??= DetailOf(problem.Status);
        if (problem.Type?.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal) != true)
        {
            return;
        }

        problem.Type = problem.Status switch
        {
            StatusCodes.Status400BadRequest => Validation,
            StatusCodes.Status401Unauthorized => Unauthorized,
            StatusCodes.Status403Forbidden => Forbidden,
            StatusCodes.Status404NotFound => NotFound,
            StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
            StatusCodes.Status413PayloadTooLarge => PayloadTooLarge,
            StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
            StatusCodes.Status429TooManyRequests => TooManyRequests,
            StatusCodes.Status503ServiceUnavailable => DependencyUnavailable,
            StatusCodes.Status504GatewayTimeout => Timeout,
            _ => Internal,
        };
    }

    /// <summary>What the framework's own problems leave out: what went wrong and what the client can do.</summary>
    private static string DetailOf(int? status) => status switch
    {
        StatusCodes.Status401Unauthorized => "A valid bearer token is required: send 'Authorization: Bearer <token>' with a token that is neither expired nor signed by an unknown key.",
        StatusCodes.Status403Forbidden => "The token is valid but does not allow this call: stock administration needs the admin role, order calls a token with a subject (sub).",
        StatusCodes.Status404NotFound => "There is nothing at this address.",
        StatusCodes.Status405MethodNotAllowed => "This address does not take this method; see the API document at /swagger.",
        StatusCodes.Status413PayloadTooLarge => "The body exceeds the size this endpoint accepts.",
        StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON, with 'Content-Type: application/json'.",
        StatusCodes.Status429TooManyRequests => "Too many requests; retry after the time in Retry-After.",
        StatusCodes.Status503ServiceUnavailable => "The service is unavailable; retry later.",
        StatusCodes.Status504GatewayTimeout => "The request took too long and was cut off.",
        StatusCodes.Status400BadRequest => "The request is invalid.",
        _ => "The error has been logged. Retry later or contact support with the trace id.",
    };
}
