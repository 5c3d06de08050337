using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;
using Orders.WebApi.Problems;

namespace Orders.WebApi.OpenApi;

/// <summary>
/// Every error response is documented as what it is on the wire, <c>application/problem+json</c>, with the problem
/// types the operation can answer with at that status.
/// </summary>
internal sealed class ProblemResponses : IOperationProcessor
{
    private const string ProblemJson = "application/problem+json";

    private static readonly Dictionary<string, string[]> TypesByStatus = new(StringComparer.Ordinal)
    {
        ["400"] = [ProblemTypes.Validation],
        ["401"] = [ProblemTypes.Unauthorized],
        ["402"] = [ProblemTypes.PaymentDeclined],
        ["403"] = [ProblemTypes.Forbidden],
        ["404"] = [ProblemTypes.NotFound],
        ["413"] = [ProblemTypes.PayloadTooLarge],
        ["415"] = [ProblemTypes.UnsupportedMediaType],
        ["422"] = [ProblemTypes.UnknownProduct, ProblemTypes.IdempotencyKeyReused],
        ["429"] = [ProblemTypes.TooManyRequests],
        ["500"] = [ProblemTypes.Internal],
        ["502"] = [ProblemTypes.OrderNeedsAttention],
        ["503"] = [ProblemTypes.DependencyUnavailable],
    };

    // 409 means something else for each operation that answers it.
    private static readonly Dictionary<string, string[]> ConflictsByOperation = new(StringComparer.Ordinal)
    {
        ["CreateOrder"] = [ProblemTypes.InsufficientStock, ProblemTypes.OrderInProgress],
        ["CancelOrder"] = [ProblemTypes.OrderNotCancellable],
        ["RetryOrder"] = [ProblemTypes.OrderNotNeedingAttention],
        ["SettleOrder"] = [ProblemTypes.OrderNotNeedingAttention],
    };

    private static readonly Dictionary<string, string> Meanings = new(StringComparer.Ordinal)
    {
        ["400"] = "Invalid fields, query parameters or headers; `errors` names each, keyed as the client sent it.",
        ["401"] = "No valid bearer token (missing, forged or expired).",
        ["402"] = "The payment was declined (`reason`, `order_id`); the stock was released.",
        ["403"] = "The token's user may not do this (another user's id, or no admin role).",
        ["404"] = "No such order or product (another user's order is not found either).",
        ["409"] = "A conflict with the order's state; see the problem type.",
        ["413"] = "The body is over 64 KiB.",
        ["422"] = "Unknown products (`product_ids`), or an Idempotency-Key used before for another body.",
        ["429"] = "The user placed more orders than allowed in the window; Retry-After says when to retry.",
        ["500"] = "A bug; the trace id is logged, nothing internal is revealed.",
        ["502"] = "The services answered what can't be reconciled; the order is stored as needs_attention for an operator (`order_id`).",
        ["503"] = "A dependency is unavailable (`dependency`); Retry-After says when to retry.",
    };

    public bool Process(OperationProcessorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var operation = context.OperationDescription.Operation;
        foreach (var (status, response) in operation.Responses)
        {
            if (!int.TryParse(status, out var code) || code < 400)
            {
                continue;
            }

            if (response.Content.Remove("application/json", out var json))
            {
                response.Content[ProblemJson] = json;
            }

            var types = status == "409" && ConflictsByOperation.TryGetValue(operation.OperationId ?? string.Empty, out var conflicts)
                ? conflicts
                : TypesByStatus.GetValueOrDefault(status, [ProblemTypes.Internal]);
            response.Description = $"{Meanings.GetValueOrDefault(status, "A problem.")} Problem type: {string.Join(", ", types.Select(type => $"`{type}`"))}.";
        }

        return true;
    }
}
