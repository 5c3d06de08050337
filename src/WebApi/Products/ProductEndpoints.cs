using System.ComponentModel;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Orders.Application.Abstractions;
using Orders.Application.Products.GetProduct;
using Orders.Application.Products.SetStock;
using Orders.WebApi.Security;
using Orders.WebApi.Problems;

namespace Orders.WebApi.Products;

public static class ProductEndpoints
{
    public static IEndpointRouteBuilder MapProducts(this IEndpointRouteBuilder app)
    {
        var products = app.MapGroup("/products").WithTags("Products");
        products.MapGet("/{id}", GetProduct)
            .WithName("GetProduct")
            .WithSummary("Reads a product")
            .WithDescription("The product's name, unit price and the units available now. Open to anyone.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        products.MapPut("/{id}/stock", SetStock)
            .WithName("SetStock")
            .WithSummary("Sets a product's available stock")
            .WithDescription("Stock administration: needs the admin role when authentication is on (403 otherwise).")
            .RequireAuthorization(AdminPolicy.Name)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Ok<ProductResponse>, ValidationProblem, ProblemHttpResult>> SetStock(
        [Description("The product's id, e.g. p1.")] string id, SetStockRequest request, ISender sender, HttpResponse response, CancellationToken cancellationToken) =>
        await sender.Send(new SetStockCommand(id, request.Available), cancellationToken) switch
        {
            SetStockResult.Set set => TypedResults.Ok(ToResponse(set.Product)),
            SetStockResult.Rejected rejected => Problem.Validation(rejected.Errors),
            SetStockResult.Unavailable => Problem.DependencyUnavailable(response, "inventory", orderId: null),
            _ => Problem.NotFound($"There is no product '{id}'."),
        };

    private static ProductResponse ToResponse(ProductLookup.Found found) =>
        new(found.ProductId.Value, found.Name, found.UnitPrice.Amount, found.UnitPrice.Currency, found.Available);

    private static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> GetProduct(
        [Description("The product's id, e.g. p1.")] string id, ISender sender, HttpResponse response, CancellationToken cancellationToken) =>
        await sender.Send(new GetProductQuery(id), cancellationToken) switch
        {
            ProductLookup.Found found => TypedResults.Ok(ToResponse(found)),
            ProductLookup.Unavailable => Problem.DependencyUnavailable(response, "inventory", orderId: null),
            _ => Problem.NotFound($"There is no product '{id}'."),
        };
}
