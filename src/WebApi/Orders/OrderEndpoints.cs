using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Orders.Application.Orders;
using Orders.Application.Orders.CancelOrder;
using Orders.Application.Orders.CreateOrder;
using Orders.Application.Orders.GetOrder;
using Orders.Application.Orders.ListOrders;
using Orders.WebApi.Problems;
using Orders.WebApi.Security;

namespace Orders.WebApi.Orders;

public static class OrderEndpoints
{
    /// <summary>Bodies larger than this are refused with 413 before they are read.</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Set on the answer to a request whose Idempotency-Key placed an order earlier: nothing was done again.</summary>
    public const string IdempotentReplayedHeader = "Idempotent-Replayed";

    public static IEndpointRouteBuilder MapOrders(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/orders")
            .WithTags("Orders")
            .RequireAuthorization(CallerPolicy.Name)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        orders.MapPost("/", CreateOrder)
            .WithName("CreateOrder")
            .WithSummary("Places an order")
            .WithDescription("Reserves the stock, charges the payment and confirms the order: 201 with the order and its Location. "
                + "Too little stock is a 409 and a declined payment a 402, with nothing reserved or charged. With an Idempotency-Key, "
                + "a replay of the same request answers 200 with the order it placed, and nothing is reserved or charged again. "
                + "With authentication on, user_id may be left out (the token's subject is used) and each user may place a limited number of valid orders per window (429).")
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBodyBytes))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        orders.MapGet("/{id}", GetOrder)
            .WithName("GetOrder")
            .WithSummary("Reads an order")
            .WithDescription("The order as it is now. With authentication on, another user's order is a 404, as if it did not exist.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        orders.MapGet("/", ListOrders)
            .WithName("ListOrders")
            .WithSummary("Lists a user's orders")
            .WithDescription("Newest first, a page at a time: pass next_page_token back as page_token for the next page (it is null on the last).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        orders.MapPost("/{id}/cancel", CancelOrder)
            .WithName("CancelOrder")
            .WithSummary("Cancels a confirmed order")
            .WithDescription("The stock goes back and the payment is refunded, then the order is cancelled. Cancelling again answers the cancelled order; "
                + "an order that is not confirmed is a 409 and nothing changes.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        return app;
    }

    private static async Task<Results<Created<OrderResponse>, Ok<OrderResponse>, ValidationProblem, ProblemHttpResult>> CreateOrder(
        CreateOrderRequest request,
        [FromHeader(Name = IdempotencyKeyHeader), Description("Makes retries safe: 1..64 printable ASCII characters chosen by the client (a UUID, say), unique per user.")]
        string? idempotencyKey,
        ISender sender,
        PlacementAdmission admission,
        HttpRequest httpRequest,
        HttpResponse response,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var caller = Caller.UserIdOf(user);
        if (caller is not null && request.UserId is not null && request.UserId != caller)
        {
            return Problem.Forbidden("user_id must be the user the token was issued to, or left out.");
        }

        // Binding reads an empty header as no header; sent empty, it is a key that breaks the rules.
        idempotencyKey ??= httpRequest.Headers.ContainsKey(IdempotencyKeyHeader) ? string.Empty : null;
        var command = new CreateOrderCommand(
            (request.UserId ?? caller)!,
            [.. request.Items.Select(item => item is null ? null! : new CreateOrderItem(item.ProductId, item.Quantity))],
            idempotencyKey);

        using var admitted = await admission.AdmitAsync(command, caller, response, cancellationToken);
        if (admitted.Invalid is { } invalid)
        {
            return invalid;
        }

        if (admitted.Refused is { } refused)
        {
            return refused;
        }

        return await sender.Send(command, cancellationToken) switch
        {
            CreateOrderResult.Confirmed confirmed =>
                TypedResults.Created($"/orders/{confirmed.Order.Id}", OrderResponse.From(confirmed.Order)),
            CreateOrderResult.Rejected rejected => Problem.Validation(rejected.Errors),
            CreateOrderResult.InsufficientStock insufficient => Problem.InsufficientStock(insufficient.Order.Id, insufficient.Shortages),
            CreateOrderResult.UnknownProducts unknown => Problem.UnknownProducts(unknown.Order.Id, unknown.ProductIds),
            CreateOrderResult.PaymentDeclined declined => Problem.PaymentDeclined(declined.Order.Id, declined.Reason),
            CreateOrderResult.DependencyUnavailable unavailable => Problem.DependencyUnavailable(response, unavailable.Dependency, unavailable.OrderId),
            CreateOrderResult.Replayed replayed => Replayed(response, replayed.Order),
            CreateOrderResult.IdempotencyKeyReused reused => Problem.IdempotencyKeyReused(reused.IdempotencyKey),
            CreateOrderResult.InProgress inProgress => Problem.OrderInProgress(response, inProgress.OrderId),
            CreateOrderResult.NeedsAttention attention => Problem.OrderNeedsAttention(attention.Order.Id, attention.Order.StatusReason),
            var other => throw new InvalidOperationException($"Unmapped result {other.GetType().Name}."),
        };
    }

    private static Ok<OrderResponse> Replayed(HttpResponse response, OrderDto order)
    {
        response.Headers.Location = $"/orders/{order.Id}";
        response.Headers[IdempotentReplayedHeader] = "true";
        return TypedResults.Ok(OrderResponse.From(order));
    }

    private static async Task<Results<Ok<OrderPageResponse>, ValidationProblem, ProblemHttpResult>> ListOrders(
        [FromQuery(Name = "user_id"), Description("Whose orders. Required with authentication off; with it on, your own (may be left out).")]
        string? userId,
        [FromQuery(Name = "limit"), Description("Orders per page, 1..100; 20 when left out."), Range(1, ListOrdersQuery.MaxLimit)]
        int? limit,
        [FromQuery(Name = "page_token"), Description("next_page_token of the previous page, unchanged.")]
        string? pageToken,
        ISender sender,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var caller = Caller.UserIdOf(user);
        if (caller is not null && userId is not null && userId != caller)
        {
            return Problem.Forbidden("Only your own orders can be listed: user_id must be yours, or left out.");
        }

        return await sender.Send(new ListOrdersQuery(userId ?? caller, limit, pageToken), cancellationToken) switch
        {
            ListOrdersResult.Page page => TypedResults.Ok(new OrderPageResponse([.. page.Items.Select(OrderResponse.From)], page.NextPageToken)),
            ListOrdersResult.Rejected rejected => Problem.Validation(rejected.Errors),
            var other => throw new InvalidOperationException($"Unmapped result {other.GetType().Name}."),
        };
    }

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> CancelOrder(
        [Description("The order's id.")] string id, ISender sender, HttpResponse response, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var orderId))
        {
            return Problem.NotFound($"There is no order '{id}'.");
        }

        return await sender.Send(new CancelOrderCommand(orderId, Caller.UserIdOf(user)), cancellationToken) switch
        {
            CancelOrderResult.Cancelled cancelled => TypedResults.Ok(OrderResponse.From(cancelled.Order)),
            CancelOrderResult.NotFound => Problem.NotFound($"There is no order '{id}'."),
            CancelOrderResult.NotCancellable notCancellable => Problem.OrderNotCancellable(notCancellable.Order.Id, notCancellable.Order.Status),
            CancelOrderResult.DependencyUnavailable unavailable => Problem.CancellationUnfinished(response, unavailable.Dependency, unavailable.OrderId),
            var other => throw new InvalidOperationException($"Unmapped result {other.GetType().Name}."),
        };
    }

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> GetOrder(
        [Description("The order's id.")] string id, ISender sender, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var orderId))
        {
            return Problem.NotFound($"There is no order '{id}'.");
        }

        var order = await sender.Send(new GetOrderQuery(orderId, Caller.UserIdOf(user)), cancellationToken);
        return order is null
            ? Problem.NotFound($"There is no order '{id}'.")
            : TypedResults.Ok(OrderResponse.From(order));
    }
}
