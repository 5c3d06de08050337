using Mediator;
using Orders.Application.Abstractions;
using Orders.Domain.Orders;

namespace Orders.Application.Products.SetStock;

public sealed class SetStockHandler(IProductCatalog catalog) : ICommandHandler<SetStockCommand, SetStockResult>
{
    public async ValueTask<SetStockResult> Handle(SetStockCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return await catalog.SetStockAsync(new ProductId(command.ProductId), command.Available, cancellationToken) switch
        {
            ProductLookup.Found found => new SetStockResult.Set(found),
            ProductLookup.Unavailable unavailable => new SetStockResult.Unavailable(unavailable.Reason),
            _ => new SetStockResult.NotFound(),
        };
    }
}
