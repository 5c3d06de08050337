using Mediator;
using Microsoft.Extensions.Logging;
using Orders.Application.Abstractions;
using Orders.Application.Common;
using Orders.Application.Orders.Placement;
using Orders.Domain.Orders;

namespace Orders.Application.Orders.CreateOrder;

/// <summary>
/// Places an order: stores it pending (under its idempotency key, when it has one), then runs the placement policy on
/// it. The order id is the reservation id and the payment id, so every step can be repeated safely; an order cut off
/// in between is finished by recovery, which asks the services how far it got.
/// </summary>
public sealed partial class CreateOrderHandler(
    PlacementRunner runner,
    IOrderRepository orders,
    IClock clock,
    ILogger<CreateOrderHandler> logger)
    : ICommandHandler<CreateOrderCommand, CreateOrderResult>
{
    public async ValueTask<CreateOrderResult> Handle(CreateOrderCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        cancellationToken.ThrowIfCancellationRequested();
        var result = await PlaceAsync(Place(command), cancellationToken);
        OrdersTelemetry.OrdersPlaced.Add(1, new KeyValuePair<string, object?>("outcome", result.Outcome));
        return result;
    }

    private async Task<CreateOrderResult> PlaceAsync(Order order, CancellationToken cancellationToken)
    {
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
            return new CreateOrderResult.DependencyUnavailable(Unanswered.OrderStore, OrderId: null);
        }

        Log.Placed(logger, order.Id, order.UserId, order.Lines.Count);

        // Side effects start here: the placement runs to an end even if the caller goes away, so a dropped connection
        // never leaves stock held. Each remote call still has its own deadline.
        return CreateOrderResult.Of(await runner.RunAsync(order, PlacementFacts.ForPlacing(), CancellationToken.None));
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

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug, Message = "Order {OrderId} placed by {UserId} with {LineCount} lines")]
        public static partial void Placed(ILogger logger, OrderId orderId, UserId userId, int lineCount);

        [LoggerMessage(Level = LogLevel.Information, Message = "Request of {UserId} under idempotency key {IdempotencyKey} not placed again: {Claim}")]
        public static partial void Replayed(ILogger logger, UserId userId, IdempotencyKey idempotencyKey, string claim);

        [LoggerMessage(Level = LogLevel.Error, Message = "Order store unavailable while storing new order {OrderId}")]
        public static partial void StoreUnavailable(ILogger logger, Exception exception, OrderId orderId);
    }
}
