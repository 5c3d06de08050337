using Mediator;
using Microsoft.Extensions.Logging;
using Orders.Application.Abstractions;
using Orders.Application.Orders.CreateOrder;
using Orders.Domain.Orders;

namespace Orders.Application.Orders.CancelOrder;

/// <summary>
/// Cancels a confirmed order: returns its stock, refunds its payment, then stores it as cancelled. Both remote steps
/// are idempotent by the order id and come first, so a crash or a failure anywhere leaves the order confirmed and a
/// retry finishes the job; the order never says cancelled while its stock or money is still taken.
/// </summary>
public sealed partial class CancelOrderHandler(
    IInventory inventory,
    IPayment payment,
    IOrderRepository orders,
    IClock clock,
    ILogger<CancelOrderHandler> logger)
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
                return CancelOrderResult.Missing;
            case OrderStatus.Cancelled:
                return new CancelOrderResult.Cancelled(OrderDto.From(order));
            case not OrderStatus.Confirmed:
                return new CancelOrderResult.NotCancellable(OrderDto.From(order));
        }

        // Once the first remote step starts, the cancellation runs to its end even if the caller goes away.
        var returned = await inventory.ReturnAsync(order.Id, CancellationToken.None);
        if (Unfinished(order, CreateOrderHandler.InventoryService, returned) is { } inventoryDown)
        {
            return inventoryDown;
        }

        var refunded = await payment.RefundAsync(order.Id, CancellationToken.None);
        if (Unfinished(order, CreateOrderHandler.PaymentService, refunded) is { } paymentDown)
        {
            return paymentDown;
        }

        return await StoreCancelledAsync(order);
    }

    private async Task<CancelOrderResult> StoreCancelledAsync(Order order)
    {
        order.Cancel(clock.UtcNow);
        try
        {
            await orders.UpdateAsync(order, CancellationToken.None);
        }
        catch (OrderStoreUnavailableException exception)
        {
            Log.StoreUnavailable(logger, exception, order.Id);
            return new CancelOrderResult.DependencyUnavailable(CreateOrderHandler.OrderStore, order.Id.Value);
        }
        catch (OrderConcurrencyException)
        {
            // Only a cancellation changes a confirmed order: a concurrent one got there first; answer with what it stored.
            var stored = await orders.ReadAsync(order.Id, CancellationToken.None);
            if (stored?.Status == OrderStatus.Cancelled)
            {
                return new CancelOrderResult.Cancelled(OrderDto.From(stored));
            }

            throw;
        }

        Log.Cancelled(logger, order.Id);
        return new CancelOrderResult.Cancelled(OrderDto.From(order));
    }

    /// <summary>
    /// Null when the step is done. A dependency that did not answer leaves the order confirmed for a retry. A refusal
    /// means the remote side disagrees that this confirmed order was sold (a broken invariant, not an outcome): thrown.
    /// </summary>
    private CancelOrderResult? Unfinished(Order order, string dependency, StepOutcome outcome)
    {
        switch (outcome)
        {
            case StepOutcome.Done:
                return null;
            case StepOutcome.Unavailable unavailable:
                Log.StepUnavailable(logger, order.Id, dependency, unavailable.Reason);
                return new CancelOrderResult.DependencyUnavailable(dependency, order.Id.Value);
            case StepOutcome.Refused refused:
                throw new InvalidOperationException($"Confirmed order {order.Id} can't be cancelled: {dependency} refused ({refused.Reason}).");
            default:
                throw new InvalidOperationException($"Unknown step outcome {outcome.GetType().Name}.");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} cancelled: stock returned, payment refunded")]
        public static partial void Cancelled(ILogger logger, OrderId orderId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} stays confirmed: {Dependency} did not answer ({Reason}); a retry finishes the cancellation")]
        public static partial void StepUnavailable(ILogger logger, OrderId orderId, string dependency, string reason);

        [LoggerMessage(Level = LogLevel.Error, Message = "Order store unavailable while cancelling order {OrderId}")]
        public static partial void StoreUnavailable(ILogger logger, Exception exception, OrderId orderId);
    }
}
