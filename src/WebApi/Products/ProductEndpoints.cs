using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Orders.Application.Abstractions;
using Orders.Application.Products.GetProduct;
using Orders.WebApi.Problems;

namespace Orders.WebApi.Products;

public static class ProductEndpoints
{
    public static IEndpointRouteBuilder MapProducts(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/products").WithTags("Products")
            .MapGet("/{id}", GetProduct)
            .WithName("GetProduct")
            .WithSummary("Reads a product with the stock available now.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> GetProduct(
        string id, ISender sender, HttpResponse response, CancellationToken cancellationToken) =>
        await sender.Send(new GetProductQuery(id), cancellationToken) switch
        {
            ProductLookup.Found found => TypedResults.Ok(new ProductResponse(
                found.ProductId.Value, found.Name, found.UnitPrice.Amount, found.UnitPrice.Currency, found.Available)),
            ProductLookup.Unavailable => Problem.DependencyUnavailable(response, "inventory", orderId: null),
            _ => Problem.NotFound($"There is no product '{id}'."),
        };
}
