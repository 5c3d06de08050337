using Mediator;
using Orders.Application.Abstractions;
using Orders.Application.Orders.Placement;
using Orders.Domain.Orders;

namespace Orders.Application.Orders.Attention;

/// <summary>Pushes an order that needs attention to an end with the placement policy, as the operator decided.</summary>
public sealed class ResolveOrderHandler(PlacementRunner runner, IOrderRepository orders)
    : ICommandHandler<ResolveOrderCommand, ResolveOrderResult>
{
    public async ValueTask<ResolveOrderResult> Handle(ResolveOrderCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var order = await orders.FindAsync(new OrderId(command.OrderId), cancellationToken);
        if (order is null)
        {
            return new ResolveOrderResult.NotFound();
        }

        if (order.Status != OrderStatus.NeedsAttention)
        {
            return new ResolveOrderResult.NotNeedingAttention(OrderDto.From(order));
        }

        var goal = command.Resolution == OrderResolution.Settle ? PlacementGoal.Settle : PlacementGoal.Recover;
        var facts = PlacementFacts.ForSettling(goal);
        return await runner.RunAsync(order, facts, CancellationToken.None) switch
        {
            PlacementEnd.Stored stored => new ResolveOrderResult.Resolved(OrderDto.From(stored.Order)),
            PlacementEnd.Waiting waiting => new ResolveOrderResult.DependencyUnavailable(waiting.Cause.Dependency, order.Id.Value),
            _ => new ResolveOrderResult.DependencyUnavailable(Unanswered.OrderStore, order.Id.Value),
        };
    }
}
