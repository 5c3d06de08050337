using Orders.Domain.Orders;

namespace Orders.Application.Abstractions;

public sealed record StockShortage(ProductId ProductId, int Requested, int Available);
