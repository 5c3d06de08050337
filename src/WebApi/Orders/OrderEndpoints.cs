using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Orders.Application.Orders.CreateOrder;
using Orders.Application.Orders.GetOrder;
using Orders.WebApi.Problems;

namespace Orders.WebApi.Orders;

public static class OrderEndpoints
{
    /// <summary>Bodies larger than this are refused with 413 before they are read.</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapOrders(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/orders").WithTags("Orders");

        orders.MapPost("/", CreateOrder)
            .WithName("CreateOrder")
            .WithSummary("Places an order: reserves the stock, charges the payment and confirms it.")
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBodyBytes))
            .RequireRateLimiting(PlacementLimitPolicy.Name)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        orders.MapGet("/{id}", GetOrder)
            .WithName("GetOrder")
            .WithSummary("Reads an order.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return app;
    }

    private static async Task<Results<Created<OrderResponse>, ValidationProblem, ProblemHttpResult>> CreateOrder(
        CreateOrderRequest request, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var command = new CreateOrderCommand(
            request.UserId!,
            [.. (request.Items ?? []).Select(item => item is null ? null! : new CreateOrderItem(item.ProductId!, item.Quantity))]);

        return await sender.Send(command, cancellationToken) switch
        {
            CreateOrderResult.Confirmed confirmed =>
                TypedResults.Created($"/orders/{confirmed.Order.Id}", OrderResponse.From(confirmed.Order)),
            CreateOrderResult.Rejected rejected => Problem.Validation(rejected.Errors),
            CreateOrderResult.InsufficientStock insufficient => Problem.InsufficientStock(insufficient.Order.Id, insufficient.Shortages),
            CreateOrderResult.UnknownProducts unknown => Problem.UnknownProducts(unknown.Order.Id, unknown.ProductIds),
            CreateOrderResult.PaymentDeclined declined => Problem.PaymentDeclined(declined.Order.Id, declined.Reason),
            CreateOrderResult.DependencyUnavailable unavailable => Problem.DependencyUnavailable(response, unavailable.Dependency, unavailable.OrderId),
            var other => throw new InvalidOperationException($"Unmapped result {other.GetType().Name}."),
        };
    }

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> GetOrder(
        string id, ISender sender, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var orderId))
        {
            return Problem.NotFound($"There is no order '{id}'.");
        }

        var order = await sender.Send(new GetOrderQuery(orderId), cancellationToken);
        return order is null
            ? Problem.NotFound($"There is no order '{id}'.")
            : TypedResults.Ok(OrderResponse.From(order));
    }
}
