using Mediator;
using Orders.Application.Abstractions;

namespace Orders.Application.Products.GetProduct;

public sealed record GetProductQuery(string ProductId) : IQuery<ProductLookup>;
