using System.ComponentModel;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Orders.Application.Orders.Attention;
using Orders.WebApi.Problems;
using Orders.WebApi.Security;

namespace Orders.WebApi.Orders;

/// <summary>The operator's view of orders that need attention, and the two ways to push one to an end.</summary>
public static class AttentionEndpoints
{
    public const int MaxListed = 100;

    public static IEndpointRouteBuilder MapAttention(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin/orders")
            .WithTags("Operations")
            .RequireAuthorization(AdminPolicy.Name)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        admin.MapGet("/needs-attention", ListNeedingAttention)
            .WithName("ListOrdersNeedingAttention")
            .WithSummary("Lists the orders that need attention (role admin).")
            .WithDescription("Orders whose stock and payment the services answered but could not be reconciled, the longest waiting first, "
                + $"at most {MaxListed}. Recovery leaves them alone; retry or settle each one.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        admin.MapPost("/{id}/retry", ([Description("The order's id.")] string id, ISender sender, HttpResponse response, CancellationToken cancellationToken) =>
                ResolveAsync(id, OrderResolution.Retry, sender, response, cancellationToken))
            .WithName("RetryOrder")
            .WithSummary("Retries an order that needs attention (role admin).")
            .WithDescription("Asks the services again and ends the order as recovery would: confirmed when it was paid for and its stock sold, "
                + "else failed with its stock and payment given back; still needs_attention when they still can't be reconciled.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        admin.MapPost("/{id}/settle", ([Description("The order's id.")] string id, ISender sender, HttpResponse response, CancellationToken cancellationToken) =>
                ResolveAsync(id, OrderResolution.Settle, sender, response, cancellationToken))
            .WithName("SettleOrder")
            .WithSummary("Settles an order that needs attention as failed (role admin).")
            .WithDescription("Ends the order as failed: its stock goes back, sold or not, and its payment is refunded.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return app;
    }

    private static async Task<Ok<OrderPageResponse>> ListNeedingAttention(ISender sender, CancellationToken cancellationToken)
    {
        var orders = await sender.Send(new ListOrdersNeedingAttentionQuery(MaxListed), cancellationToken);
        return TypedResults.Ok(new OrderPageResponse([.. orders.Select(OrderResponse.From)], NextPageToken: null));
    }

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> ResolveAsync(
        string id, OrderResolution resolution, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var orderId))
        {
            return Problem.NotFound($"There is no order '{id}'.");
        }

        return await sender.Send(new ResolveOrderCommand(orderId, resolution), cancellationToken) switch
        {
            ResolveOrderResult.Resolved resolved => TypedResults.Ok(OrderResponse.From(resolved.Order)),
            ResolveOrderResult.NotFound => Problem.NotFound($"There is no order '{id}'."),
            ResolveOrderResult.NotNeedingAttention other => Problem.OrderNotNeedingAttention(other.Order.Id, other.Order.Status),
            ResolveOrderResult.DependencyUnavailable unavailable => Problem.DependencyUnavailable(response, unavailable.Dependency, unavailable.OrderId),
            var other => throw new InvalidOperationException($"Unmapped result {other.GetType().Name}."),
        };
    }
}
