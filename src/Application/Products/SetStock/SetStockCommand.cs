using Mediator;

namespace Orders.Application.Products.SetStock;

/// <summary>Stock administration: how many units of a product are available from now on.</summary>
public sealed record SetStockCommand(string ProductId, int Available) : ICommand<SetStockResult>;
