using Mediator;
using Microsoft.Extensions.Logging;
using Orders.Application.Abstractions;
using Orders.Application.Orders.Placement;
using Orders.Domain.Orders;

namespace Orders.Application.Orders.RecoverOrder;

/// <summary>
/// Drives an order left pending to an end with the placement policy: the services are asked how far it got, what
/// was paid for rolls forward, the rest is undone. A service that does not answer leaves it for the next round.
/// </summary>
public sealed partial class RecoverOrderHandler(PlacementRunner runner, IOrderRepository orders, ILogger<RecoverOrderHandler> logger)
    : ICommandHandler<RecoverOrderCommand, RecoverOrderResult>
{
    public async ValueTask<RecoverOrderResult> Handle(RecoverOrderCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var order = await orders.FindAsync(new OrderId(command.OrderId), cancellationToken);
        if (order is not { Status: OrderStatus.Pending })
        {
            return new RecoverOrderResult.NotPending();
        }

        var facts = PlacementFacts.ForSettling(PlacementGoal.Recover);
        return await runner.RunAsync(order, facts, cancellationToken) switch
        {
            PlacementEnd.Stored stored => Recovered(stored.Order),
            PlacementEnd.Waiting waiting => new RecoverOrderResult.LeftPending(waiting.Cause.ToString()),
            _ => new RecoverOrderResult.LeftPending("the outcome could not be stored"),
        };
    }

    private RecoverOrderResult Recovered(Order order)
    {
        LogRecovered(logger, order.Id, order.Status);
        return new RecoverOrderResult.Ended(order.Status);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} recovered from pending: {Status}")]
    private static partial void LogRecovered(ILogger logger, OrderId orderId, OrderStatus status);
}
