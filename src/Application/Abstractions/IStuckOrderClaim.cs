using Orders.Domain.Orders;

namespace Orders.Application.Abstractions;

/// <summary>One claimed order. Order-store writes made while it is held are kept by <see cref="CompleteAsync"/>; disposing without it gives the order up.</summary>
public interface IStuckOrderClaim : IAsyncDisposable
{
    OrderId OrderId { get; }

    Task CompleteAsync(CancellationToken cancellationToken);
}
