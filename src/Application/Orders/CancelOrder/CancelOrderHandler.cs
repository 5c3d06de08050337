using Mediator;
using Orders.Application.Abstractions;
using Orders.Application.Orders.Placement;
using Orders.Domain.Orders;

namespace Orders.Application.Orders.CancelOrder;

/// <summary>
/// Cancels a confirmed order with the placement policy: its stock goes back, then its payment, and only then is it
/// stored as cancelled. Both remote steps are idempotent by the order id, so a failure anywhere leaves the order
/// confirmed and a retry finishes the job; the order never says cancelled while its stock or money is still taken.
/// </summary>
public sealed class CancelOrderHandler(PlacementRunner runner, IOrderRepository orders)
    : ICommandHandler<CancelOrderCommand, CancelOrderResult>
{
    public async ValueTask<CancelOrderResult> Handle(CancelOrderCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var found = await orders.FindAsync(new OrderId(command.OrderId), cancellationToken);
        var order = found is not null && found.IsOwnedBy(command.RequestedBy) ? found : null;
        switch (order?.Status)
        {
            case null:
                return new CancelOrderResult.NotFound();
            case OrderStatus.Cancelled:
                return new CancelOrderResult.Cancelled(OrderDto.From(order));
            case not OrderStatus.Confirmed:
                return new CancelOrderResult.NotCancellable(OrderDto.From(order));
        }

        // Once the first remote step starts, the cancellation runs to its end even if the caller goes away.
        return await runner.RunAsync(order, PlacementFacts.ForCancelling(), CancellationToken.None) switch
        {
            PlacementEnd.Stored { Order.Status: OrderStatus.Cancelled } stored => new CancelOrderResult.Cancelled(OrderDto.From(stored.Order)),
            PlacementEnd.Stored stored => new CancelOrderResult.NotCancellable(OrderDto.From(stored.Order)),
            PlacementEnd.Waiting waiting => new CancelOrderResult.DependencyUnavailable(waiting.Cause.Dependency, order.Id.Value),
            PlacementEnd.NotStored { ChangedMeanwhile: true } => await ConcurrentlyCancelledAsync(order.Id),
            _ => new CancelOrderResult.DependencyUnavailable(Unanswered.OrderStore, order.Id.Value),
        };
    }

    /// <summary>Only a cancellation changes a confirmed order: a concurrent one got there first; answer with what it stored.</summary>
    private async Task<CancelOrderResult> ConcurrentlyCancelledAsync(OrderId orderId)
    {
        var stored = await orders.ReadAsync(orderId, CancellationToken.None);
        return stored is null
            ? new CancelOrderResult.NotFound()
            : stored.Status == OrderStatus.Cancelled ? new CancelOrderResult.Cancelled(OrderDto.From(stored)) : new CancelOrderResult.NotCancellable(OrderDto.From(stored));
    }
}
