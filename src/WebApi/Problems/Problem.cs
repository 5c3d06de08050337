using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Orders.Application.Abstractions;

namespace Orders.WebApi.Problems;

/// <summary>Builds each problem this API answers with, so a status always comes with the same type and shape.</summary>
public static class Problem
{
    /// <summary>How long a client should wait before retrying when a dependency is down.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>How long a client should wait before replaying a request whose order is still being placed.</summary>
    public const int InProgressRetryAfterSeconds = 1;

    public static ValidationProblem Validation(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(
            FieldPath.ToWire(errors),
            detail: "The request has invalid fields; see errors.",
            type: ProblemTypes.Validation,
            title: "The request is invalid.");

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.", type: ProblemTypes.NotFound);

    public static ProblemHttpResult InsufficientStock(Guid orderId, IReadOnlyList<StockShortage> shortages) =>
        TypedResults.Problem(
            $"Not enough stock for {string.Join(", ", shortages.Select(shortage => shortage.ProductId))}; nothing was reserved or charged.",
            statusCode: StatusCodes.Status409Conflict,
            title: "Insufficient stock.",
            type: ProblemTypes.InsufficientStock,
            extensions: new Dictionary<string, object?>
            {
                ["order_id"] = orderId,
                ["shortages"] = shortages.Select(shortage => new ShortageResponse(shortage.ProductId.Value, shortage.Requested, shortage.Available)).ToArray(),
            });

    public static ProblemHttpResult UnknownProducts(Guid orderId, IReadOnlyList<string> productIds) =>
        TypedResults.Problem(
            $"No such product: {string.Join(", ", productIds)}.",
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Unknown product.",
            type: ProblemTypes.UnknownProduct,
            extensions: new Dictionary<string, object?> { ["order_id"] = orderId, ["product_ids"] = productIds });

    public static ProblemHttpResult PaymentDeclined(Guid orderId, string reason) =>
        TypedResults.Problem(
            $"The payment was declined: {reason}. The reserved stock was released.",
            statusCode: StatusCodes.Status402PaymentRequired,
            title: "Payment declined.",
            type: ProblemTypes.PaymentDeclined,
            extensions: new Dictionary<string, object?> { ["order_id"] = orderId, ["reason"] = reason });

    public static ProblemHttpResult DependencyUnavailable(HttpResponse response, string dependency, Guid? orderId)
    {
        ArgumentNullException.ThrowIfNull(response);
        SetRetryAfter(response, RetryAfterSeconds);
        var extensions = new Dictionary<string, object?> { ["dependency"] = dependency };
        if (orderId is not null)
        {
            extensions["order_id"] = orderId;
        }

        return TypedResults.Problem(
            $"The {dependency} service is unavailable; whatever was started has been undone or will be. Retry later.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "A dependency is unavailable.",
            type: ProblemTypes.DependencyUnavailable,
            extensions: extensions);
    }

    public static ProblemHttpResult IdempotencyKeyReused(string idempotencyKey) =>
        TypedResults.Problem(
            "This Idempotency-Key was used before for a request with a different body; nothing was done. Use a new key for a new order.",
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Idempotency key reused.",
            type: ProblemTypes.IdempotencyKeyReused,
            extensions: new Dictionary<string, object?> { ["idempotency_key"] = idempotencyKey });

    public static ProblemHttpResult OrderInProgress(HttpResponse response, Guid orderId)
    {
        ArgumentNullException.ThrowIfNull(response);
        SetRetryAfter(response, InProgressRetryAfterSeconds);
        return TypedResults.Problem(
            "An earlier request with this Idempotency-Key is still placing the order. Replay the request shortly for its outcome.",
            statusCode: StatusCodes.Status409Conflict,
            title: "Order in progress.",
            type: ProblemTypes.OrderInProgress,
            extensions: new Dictionary<string, object?> { ["order_id"] = orderId });
    }

    public static ProblemHttpResult OrderNotCancellable(Guid orderId, string status) =>
        TypedResults.Problem(
            $"Only a confirmed order can be cancelled; this one is {status}. Nothing was changed.",
            statusCode: StatusCodes.Status409Conflict,
            title: "Order not cancellable.",
            type: ProblemTypes.OrderNotCancellable,
            extensions: new Dictionary<string, object?> { ["order_id"] = orderId, ["order_status"] = status });

    /// <summary>The services answered what can't be reconciled: the order is left for an operator (see GET /admin/orders/needs-attention).</summary>
    public static ProblemHttpResult OrderNeedsAttention(Guid orderId, string? reason) =>
        TypedResults.Problem(
            $"The order could not be completed: {reason} It needs attention from an operator; GET /orders/{orderId} shows how it ends.",
            statusCode: StatusCodes.Status502BadGateway,
            title: "Order needs attention.",
            type: ProblemTypes.OrderNeedsAttention,
            extensions: new Dictionary<string, object?> { ["order_id"] = orderId });

    public static ProblemHttpResult OrderNotNeedingAttention(Guid orderId, string status) =>
        TypedResults.Problem(
            $"Only an order that needs attention can be retried or settled; this one is {status}. Nothing was changed.",
            statusCode: StatusCodes.Status409Conflict,
            title: "Order does not need attention.",
            type: ProblemTypes.OrderNotNeedingAttention,
            extensions: new Dictionary<string, object?> { ["order_id"] = orderId, ["order_status"] = status });

    public static ProblemHttpResult CancellationUnfinished(HttpResponse response, string dependency, Guid orderId)
    {
        ArgumentNullException.ThrowIfNull(response);
        SetRetryAfter(response, RetryAfterSeconds);
        return TypedResults.Problem(
            $"The {dependency} service is unavailable; the order is still confirmed. Retry the cancellation later to finish it.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "A dependency is unavailable.",
            type: ProblemTypes.DependencyUnavailable,
            extensions: new Dictionary<string, object?> { ["dependency"] = dependency, ["order_id"] = orderId });
    }

    /// <summary>Too many orders are being placed at once: shed before anything is stored, so a retry is safe.</summary>
    public static ProblemHttpResult Overloaded(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        SetRetryAfter(response, RetryAfterSeconds);
        return TypedResults.Problem(
            "Too many orders are being placed at once; nothing was stored. Retry later.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "A dependency is unavailable.",
            type: ProblemTypes.DependencyUnavailable,
            extensions: new Dictionary<string, object?> { ["dependency"] = "order-placement" });
    }

    /// <summary>The caller asked to act as another user: their token says who they are.</summary>
    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", type: ProblemTypes.Forbidden);

    /// <summary>The caller placed too many orders in the current window; <c>Retry-After</c> is set by the limiter.</summary>
    public static ProblemHttpResult TooManyRequests() =>
        TypedResults.Problem(
            "Too many orders placed in a short time; nothing was stored. Retry after the time in Retry-After.",
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests.",
            type: ProblemTypes.TooManyRequests);

    public static ProblemDetails PayloadTooLarge() => new()
    {
        Status = StatusCodes.Status413PayloadTooLarge,
        Title = "The request body is too large.",
        Detail = "The body exceeds the size this endpoint accepts.",
        Type = ProblemTypes.PayloadTooLarge,
    };

    public static ProblemDetails Internal() => new()
    {
        Status = StatusCodes.Status500InternalServerError,
        Title = "An unexpected error occurred.",
        Detail = "The error has been logged. Retry later or contact support with the trace id.",
        Type = ProblemTypes.Internal,
    };

    /// <summary>Tells the client how many seconds to wait before retrying (RFC 9110 delay-seconds).</summary>
    public static void SetRetryAfter(HttpResponse response, int seconds)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public sealed record ShortageResponse(string ProductId, int Requested, int Available);
}
