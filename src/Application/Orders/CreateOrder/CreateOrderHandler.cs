using Mediator;
using Microsoft.Extensions.Logging;
using Orders.Application.Abstractions;
using Orders.Domain.Orders;

namespace Orders.Application.Orders.CreateOrder;

/// <summary>
/// Places an order as a saga: store it pending, reserve the stock, charge, commit, confirm. The order id is the
/// reservation id and the payment id, so every step can be repeated safely. The order is stored before anything is
/// reserved, and then only with its outcome: how far a crashed saga got in between, the recovery job asks the payment
/// and inventory services, which know (a replayed Reserve answers with the prices and takes no stock again). So an
/// order costs two PostgreSQL writes, whatever its outcome.
/// </summary>
public sealed partial class CreateOrderHandler(
    IInventory inventory,
    IPayment payment,
    IOrderRepository orders,
    IClock clock,
    ILogger<CreateOrderHandler> logger)
    : ICommandHandler<CreateOrderCommand, CreateOrderResult>
{
    public const string InventoryService = "inventory";
    public const string PaymentService = "payment";
    public const string OrderStore = "order-store";

    public async ValueTask<CreateOrderResult> Handle(CreateOrderCommand command, CancellationToken cancellationToken)
    {
        var result = await PlaceAsync(command, cancellationToken);
        PlacementTelemetry.RecordOutcome(result);
        return result;
    }

    private async Task<CreateOrderResult> PlaceAsync(CreateOrderCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        cancellationToken.ThrowIfCancellationRequested();

        var order = Place(command);
        try
        {
            if (order.IdempotencyKey is null)
            {
                await orders.AddAsync(order, cancellationToken);
            }
            else
            {
                var claim = await new IdempotentPlacement(orders).ClaimAsync(order, cancellationToken);
                if (claim is not IdempotencyClaim.Claimed)
                {
                    return Replay(claim, order);
                }
            }
        }
        catch (OrderStoreUnavailableException exception)
        {
            Log.StoreUnavailable(logger, exception, order.Id);
            return new CreateOrderResult.DependencyUnavailable(OrderStore, OrderId: null);
        }

        Log.Placed(logger, order.Id, order.UserId, order.Lines.Count);

        // Side effects start here: the saga runs to an end even if the caller goes away, so a dropped connection
        // never leaves stock held. Each remote call still has its own deadline.
        return await RunSagaAsync(order, CancellationToken.None);
    }

    private Order Place(CreateOrderCommand command)
    {
        var id = OrderId.New();
        var userId = new UserId(command.UserId);
        RequestedLine[] lines = [.. command.Items.Select(item => new RequestedLine(new ProductId(item.ProductId), item.Quantity))];
        return command.IdempotencyKey is null
            ? Order.Place(id, userId, lines, clock.UtcNow)
            : Order.Place(id, userId, lines, clock.UtcNow, new IdempotencyKey(command.IdempotencyKey), RequestFingerprint.Of(command));
    }

    /// <summary>The answer to a request whose idempotency key an earlier request holds: nothing is reserved or charged again.</summary>
    private CreateOrderResult Replay(IdempotencyClaim claim, Order order)
    {
        Log.Replayed(logger, order.UserId, order.IdempotencyKey!.Value, claim.GetType().Name);
        return claim switch
        {
            IdempotencyClaim.Replay replay => new CreateOrderResult.Replayed(OrderDto.From(replay.Order)),
            IdempotencyClaim.InProgress inProgress => new CreateOrderResult.InProgress(inProgress.OrderId.Value),
            _ => new CreateOrderResult.IdempotencyKeyReused(order.IdempotencyKey!.Value.Value),
        };
    }

    private async Task<CreateOrderResult> RunSagaAsync(Order order, CancellationToken cancellationToken)
    {
        var reservation = await PlacementTelemetry.TimeStepAsync(PlacementTelemetry.Reserve, () => inventory.ReserveAsync(
            order.Id, order.RequestedLines, cancellationToken));
        switch (reservation)
        {
            case ReservationOutcome.Refused refused:
                return await RejectAsync(order, refused);
            case ReservationOutcome.Unavailable unavailable:
                return await AbandonAsync(order, InventoryService, unavailable.Reason, paymentMayExist: false);
        }

        // Priced in memory only: for an order found still Placed, recovery asks the payment service whether it was charged.
        order.RecordReservation(((ReservationOutcome.Reserved)reservation).Lines, clock.UtcNow);
        var total = order.Total!.Value;
        var charge = await PlacementTelemetry.TimeStepAsync(
            PlacementTelemetry.Charge, () => payment.ChargeAsync(new PaymentRequest(order.Id, order.Id, order.UserId, total), cancellationToken));
        switch (charge)
        {
            case ChargeOutcome.Declined declined:
                return await DeclineAsync(order, declined);
            case ChargeOutcome.Unavailable unavailable:
                return await AbandonAsync(order, PaymentService, unavailable.Reason, paymentMayExist: unavailable.MayHaveCharged);
        }

        order.RecordPayment(clock.UtcNow);
        var commit = await PlacementTelemetry.TimeStepAsync(PlacementTelemetry.Commit, () => inventory.CommitAsync(order.Id, cancellationToken));
        if (commit is not StepOutcome.Done)
        {
            return await AbandonAsync(order, InventoryService, Describe(commit), paymentMayExist: true);
        }

        return await ConfirmAsync(order);
    }

    private async Task<CreateOrderResult> ConfirmAsync(Order order)
    {
        order.Confirm(clock.UtcNow);
        if (!await TrySaveAsync(order))
        {
            // Paid and committed: the sale stands. The recovery job confirms the stored order; nothing is undone.
            return new CreateOrderResult.DependencyUnavailable(OrderStore, order.Id.Value);
        }

        Log.Confirmed(logger, order.Id, order.Total!.Value.Amount, order.Currency!);
        return new CreateOrderResult.Confirmed(OrderDto.From(order));
    }

    private async Task<CreateOrderResult> RejectAsync(Order order, ReservationOutcome.Refused refused)
    {
        order.Reject(Describe(refused), clock.UtcNow);
        if (!await TrySaveAsync(order))
        {
            return new CreateOrderResult.DependencyUnavailable(OrderStore, order.Id.Value);
        }

        Log.Rejected(logger, order.Id, order.StatusReason!);
        var dto = OrderDto.From(order);
        return refused.UnknownProducts.Count > 0
            ? new CreateOrderResult.UnknownProducts(dto, [.. refused.UnknownProducts.Select(id => id.Value)])
            : new CreateOrderResult.InsufficientStock(dto, refused.Shortages);
    }

    private async Task<CreateOrderResult> DeclineAsync(Order order, ChargeOutcome.Declined declined)
    {
        var release = await inventory.ReleaseAsync(order.Id, CancellationToken.None);
        if (release is not StepOutcome.Done)
        {
            Log.LeftForRecovery(logger, order.Id, order.Progress, Describe(release));
            return new CreateOrderResult.DependencyUnavailable(InventoryService, order.Id.Value);
        }

        order.DeclinePayment(declined.Reason, clock.UtcNow);
        if (!await TrySaveAsync(order))
        {
            return new CreateOrderResult.DependencyUnavailable(OrderStore, order.Id.Value);
        }

        Log.Declined(logger, order.Id, declined.Reason);
        return new CreateOrderResult.PaymentDeclined(OrderDto.From(order), declined.Reason);
    }

    /// <summary>
    /// Undoes what the saga did, release before refund: a release refused because the commit went through after
    /// all means the sale stands, and then nothing may be refunded. When an undo step itself fails the order stays
    /// pending, recording its progress, for the recovery job.
    /// </summary>
    private async Task<CreateOrderResult> AbandonAsync(Order order, string dependency, string reason, bool paymentMayExist)
    {
        Log.Abandoning(logger, order.Id, dependency, reason);
        var release = await inventory.ReleaseAsync(order.Id, CancellationToken.None);
        if (release is StepOutcome.Refused && order.Progress == OrderProgress.PaymentCharged)
        {
            return await ConfirmAsync(order);
        }

        if (release is not StepOutcome.Done)
        {
            Log.LeftForRecovery(logger, order.Id, order.Progress, Describe(release));
            return new CreateOrderResult.DependencyUnavailable(dependency, order.Id.Value);
        }

        if (paymentMayExist)
        {
            var refund = await payment.RefundAsync(order.Id, CancellationToken.None);
            if (refund is not StepOutcome.Done)
            {
                Log.LeftForRecovery(logger, order.Id, order.Progress, Describe(refund));
                return new CreateOrderResult.DependencyUnavailable(dependency, order.Id.Value);
            }
        }

        order.Fail($"{dependency}: {reason}", clock.UtcNow);
        if (await TrySaveAsync(order))
        {
            Log.Failed(logger, order.Id, dependency);
        }

        return new CreateOrderResult.DependencyUnavailable(dependency, order.Id.Value);
    }

    private async Task<bool> TrySaveAsync(Order order)
    {
        try
        {
            await orders.UpdateAsync(order, CancellationToken.None);
            return true;
        }
        catch (OrderStoreUnavailableException exception)
        {
            Log.StoreUnavailable(logger, exception, order.Id);
            return false;
        }
        catch (OrderConcurrencyException)
        {
            // A saga that ran past Recovery:StuckAfter: the recovery job claimed the order and decides it from what
            // the services know. This outcome is not written over that one; the caller is told to look the order up.
            Log.TakenOver(logger, order.Id, order.Status, order.Progress);
            return false;
        }
    }

    private static string Describe(ReservationOutcome.Refused refused)
    {
        var parts = refused.Shortages
            .Select(shortage => $"insufficient stock of {shortage.ProductId} (requested {shortage.Requested}, available {shortage.Available})")
            .Concat(refused.UnknownProducts.Select(productId => $"unknown product {productId}"));
        return string.Join("; ", parts);
    }

    private static string Describe(StepOutcome outcome) => outcome switch
    {
        StepOutcome.Unavailable unavailable => unavailable.Reason,
        StepOutcome.Refused refused => refused.Reason,
        _ => "done",
    };

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug, Message = "Order {OrderId} placed by {UserId} with {LineCount} lines")]
        public static partial void Placed(ILogger logger, OrderId orderId, UserId userId, int lineCount);

        [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} confirmed, total {Total} {Currency}")]
        public static partial void Confirmed(ILogger logger, OrderId orderId, decimal total, string currency);

        [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} rejected: {Reason}")]
        public static partial void Rejected(ILogger logger, OrderId orderId, string reason);

        [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} payment declined: {Reason}")]
        public static partial void Declined(ILogger logger, OrderId orderId, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} abandoned: {Dependency} failed ({Reason}); undoing its steps")]
        public static partial void Abandoning(ILogger logger, OrderId orderId, string dependency, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} failed after {Dependency} was unavailable; its steps are undone")]
        public static partial void Failed(ILogger logger, OrderId orderId, string dependency);

        [LoggerMessage(Level = LogLevel.Error, Message = "Order {OrderId} left pending at {Progress} for recovery: {Reason}")]
        public static partial void LeftForRecovery(ILogger logger, OrderId orderId, OrderProgress progress, string reason);

        [LoggerMessage(Level = LogLevel.Information, Message = "Request of {UserId} under idempotency key {IdempotencyKey} not placed again: {Claim}")]
        public static partial void Replayed(ILogger logger, UserId userId, IdempotencyKey idempotencyKey, string claim);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} was changed by the recovery job meanwhile: its {Status} outcome at {Progress} is not stored; the recovery's stands")]
        public static partial void TakenOver(ILogger logger, OrderId orderId, OrderStatus status, OrderProgress progress);

        [LoggerMessage(Level = LogLevel.Error, Message = "Order store unavailable while saving order {OrderId}")]
        public static partial void StoreUnavailable(ILogger logger, Exception exception, OrderId orderId);
    }
}
