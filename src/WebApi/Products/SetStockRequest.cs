using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Orders.Application.Products.SetStock;

namespace Orders.WebApi.Products;

/// <summary>The body of <c>PUT /products/{id}/stock</c>.</summary>
public sealed record SetStockRequest(
    [property: JsonRequired, Description("How many units are available from now on; units held by orders in progress are not counted.")]
    [property: Range(0, SetStockValidator.MaxAvailable)]
    int Available);
