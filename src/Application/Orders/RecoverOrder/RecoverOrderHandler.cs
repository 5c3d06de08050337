using Mediator;
using Microsoft.Extensions.Logging;
using Orders.Application.Abstractions;
using Orders.Domain.Orders;

namespace Orders.Application.Orders.RecoverOrder;

/// <summary>
/// Finishes or undoes a pending order from the progress it stored and what the payment and inventory services say,
/// with their idempotent operations: a charged order rolls forward (commit, confirm); anything earlier is undone
/// (void or refund, release, fail). Money is refunded only once the inventory says no stock of the order is sold.
/// </summary>
public sealed partial class RecoverOrderHandler(
    IInventory inventory,
    IPayment payment,
    IOrderRepository orders,
    IClock clock,
    ILogger<RecoverOrderHandler> logger)
    : ICommandHandler<RecoverOrderCommand, RecoverOrderResult>
{
    private const string OrderStoreDown = "the order store is unavailable";

    public async ValueTask<RecoverOrderResult> Handle(RecoverOrderCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var order = await orders.FindAsync(new OrderId(command.OrderId), cancellationToken);
        if (order is not { Status: OrderStatus.Pending })
        {
            return RecoverOrderResult.NothingToDo;
        }

        Log.Recovering(logger, order.Id, order.Progress);
        return order.Progress switch
        {
            OrderProgress.Placed => await SettlePlacedAsync(order, cancellationToken),
            OrderProgress.StockReserved => await SettleReservedAsync(order, await payment.GetPaymentAsync(order.Id, cancellationToken), cancellationToken),
            OrderProgress.PaymentCharged => await CompleteChargedAsync(order, cancellationToken),
            _ => RecoverOrderResult.NothingToDo,
        };
    }

    /// <summary>
    /// The saga stores an order only when placed and when it ends, so a Placed order may have got anywhere: the payment
    /// service says whether the charge was tried. If it was, the stock had been reserved first, and a replayed Reserve
    /// takes nothing and answers with the prices the order needs; from there it is settled as a reserved order.
    /// </summary>
    private async Task<RecoverOrderResult> SettlePlacedAsync(Order order, CancellationToken cancellationToken)
    {
        var state = await payment.GetPaymentAsync(order.Id, cancellationToken);
        if (state is PaymentState.Approval or PaymentState.Declined)
        {
            var replay = await inventory.ReserveAsync(order.Id, order.RequestedLines, cancellationToken);
            if (replay is not ReservationOutcome.Reserved reserved)
            {
                var why = replay is ReservationOutcome.Unavailable unavailable ? unavailable.Reason : "the inventory refused it";
                return Leave(order, $"the charge was tried, but the reservation replayed for its prices failed: {why}");
            }

            order.RecordReservation(reserved.Lines, clock.UtcNow);
        }

        return await SettleReservedAsync(order, state, cancellationToken);
    }

    private async Task<RecoverOrderResult> SettleReservedAsync(Order order, PaymentState state, CancellationToken cancellationToken)
    {
        switch (state)
        {
            case PaymentState.Approval:
                var commit = await inventory.CommitAsync(order.Id, cancellationToken);
                return commit switch
                {
                    StepOutcome.Done => await ConfirmAsync(order, recordPayment: true),
                    StepOutcome.Refused => await GiveBackChargedAsync(order, cancellationToken),
                    _ => Leave(order, commit),
                };
            case PaymentState.Declined declined:
                var release = await inventory.ReleaseAsync(order.Id, cancellationToken);
                return release is StepOutcome.Done ? await EndAsync(order, OrderStatus.PaymentDeclined, declined.Reason) : Leave(order, release);
            case PaymentState.Refund:
                return await UndoAsync(order, "recovery: the payment had been refunded", cancellationToken);
            case PaymentState.NotCharged:
                // Refunding an id never charged voids it, so a charge still on its way is declined instead of taking money.
                return await UndoAsync(order, "recovery: stopped before the payment was taken; nothing was charged", cancellationToken);
            case PaymentState.Unavailable unavailable:
                return Leave(order, unavailable.Reason);
            default:
                throw new InvalidOperationException($"Unhandled payment state for order {order.Id}.");
        }
    }

    private async Task<RecoverOrderResult> CompleteChargedAsync(Order order, CancellationToken cancellationToken)
    {
        var commit = await inventory.CommitAsync(order.Id, cancellationToken);
        return commit switch
        {
            StepOutcome.Done => await ConfirmAsync(order, recordPayment: false),
            StepOutcome.Refused => await GiveBackChargedAsync(order, cancellationToken),
            _ => Leave(order, commit),
        };
    }

    /// <summary>The commit was refused after the payment was taken: refund, unless the inventory says the stock is sold.</summary>
    private async Task<RecoverOrderResult> GiveBackChargedAsync(Order order, CancellationToken cancellationToken)
    {
        var reservation = await inventory.GetReservationAsync(order.Id, cancellationToken);
        return reservation switch
        {
            ReservationState.Given or ReservationState.Unknown =>
                await UndoAsync(order, "recovery: the stock had been released, so the payment was refunded", cancellationToken),
            ReservationState.Sold => await ConfirmAsync(order, recordPayment: order.Progress == OrderProgress.StockReserved),
            ReservationState.Unavailable unavailable => Leave(order, unavailable.Reason),
            _ => Leave(order, "the inventory refused the commit but still holds the stock"),
        };
    }

    /// <summary>Refund (or void) the payment, release the stock, fail the order: all three are no-ops when already done.</summary>
    private async Task<RecoverOrderResult> UndoAsync(Order order, string reason, CancellationToken cancellationToken)
    {
        var refund = await payment.RefundAsync(order.Id, cancellationToken);
        if (refund is not StepOutcome.Done)
        {
            return Leave(order, refund);
        }

        var release = await inventory.ReleaseAsync(order.Id, cancellationToken);
        return release is StepOutcome.Done ? await EndAsync(order, OrderStatus.Failed, reason) : Leave(order, release);
    }

    private async Task<RecoverOrderResult> ConfirmAsync(Order order, bool recordPayment)
    {
        if (recordPayment)
        {
            order.RecordPayment(clock.UtcNow);
        }

        return await EndAsync(order, OrderStatus.Confirmed, reason: null);
    }

    private async Task<RecoverOrderResult> EndAsync(Order order, OrderStatus status, string? reason)
    {
        var progress = order.Progress;
        switch (status)
        {
            case OrderStatus.Confirmed:
                order.Confirm(clock.UtcNow);
                break;
            case OrderStatus.PaymentDeclined:
                order.DeclinePayment(reason!, clock.UtcNow);
                break;
            default:
                order.Fail(reason!, clock.UtcNow);
                break;
        }

        try
        {
            await orders.UpdateAsync(order, CancellationToken.None);
        }
        catch (OrderStoreUnavailableException exception)
        {
            Log.StoreUnavailable(logger, exception, order.Id);
            return new RecoverOrderResult.LeftPending(progress, OrderStoreDown);
        }

        Log.Recovered(logger, order.Id, progress, status);
        return new RecoverOrderResult.Finished(status);
    }

    private RecoverOrderResult Leave(Order order, StepOutcome outcome) => Leave(order, outcome switch
    {
        StepOutcome.Unavailable unavailable => unavailable.Reason,
        StepOutcome.Refused refused => refused.Reason,
        _ => "done",
    });

    private RecoverOrderResult Leave(Order order, string reason)
    {
        Log.LeftPending(logger, order.Id, order.Progress, reason);
        return new RecoverOrderResult.LeftPending(order.Progress, reason);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Recovering order {OrderId} left pending at {Progress}")]
        public static partial void Recovering(ILogger logger, OrderId orderId, OrderProgress progress);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} recovered from {Progress}: {Status}")]
        public static partial void Recovered(ILogger logger, OrderId orderId, OrderProgress progress, OrderStatus status);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} left pending at {Progress} for the next round: {Reason}")]
        public static partial void LeftPending(ILogger logger, OrderId orderId, OrderProgress progress, string reason);

        [LoggerMessage(Level = LogLevel.Error, Message = "Order store unavailable while recovering order {OrderId}")]
        public static partial void StoreUnavailable(ILogger logger, Exception exception, OrderId orderId);
    }
}
