using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orders.Application.Abstractions;
using Orders.Application.Common;
using Orders.Domain.Orders;
using static Orders.Application.Orders.Placement.PlacementStep;

namespace Orders.Application.Orders.Placement;

/// <summary>
/// Runs <see cref="PlacementPolicy"/> on an order: performs each step it decides through <see cref="IInventory"/> and
/// <see cref="IPayment"/>, folds the answer into the facts, and stores the order once the policy ends it.
/// </summary>
public sealed partial class PlacementRunner(
    IInventory inventory,
    IPayment payment,
    IOrderRepository orders,
    IClock clock,
    ILogger<PlacementRunner> logger)
{
    /// <summary>Far more steps than any path of the policy takes: reaching it means the services contradict each other.</summary>
    public const int MaxSteps = 16;

    public async Task<PlacementEnd> RunAsync(Order order, PlacementFacts facts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(facts);
        for (var taken = 0; ; taken++)
        {
            var step = taken < MaxSteps ? PlacementPolicy.Next(facts) : new Escalate($"no decision after {MaxSteps} steps");
            Log.Decided(logger, order.Id, facts.Goal, step);
            switch (step)
            {
                case Finish finish:
                    End(order, finish);
                    return await StoreAsync(order, facts);
                case Escalate escalate:
                    order.NeedAttention(escalate.Reason, clock.UtcNow);
                    var end = await StoreAsync(order, facts);
                    if (end is PlacementEnd.Stored)
                    {
                        Log.NeedsAttention(logger, order.Id, escalate.Reason);
                        OrdersTelemetry.OrdersNeedingAttention.Add(1);
                    }

                    return end;
                case Wait wait:
                    Log.Waiting(logger, order.Id, order.Status, wait.Cause.Dependency, wait.Cause.Reason);
                    return new PlacementEnd.Waiting(order, facts, wait.Cause);
            }

            facts = await PerformAsync(order, step, facts, cancellationToken);
        }
    }

    private async Task<PlacementFacts> PerformAsync(Order order, PlacementStep step, PlacementFacts facts, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            switch (step)
            {
                case Charge:
                    var request = new PaymentRequest(order.Id, order.Id, order.UserId, order.Total!.Value);
                    return facts.After(step, await payment.ChargeAsync(request, cancellationToken));
                case Refund:
                    return facts.After(step, await payment.RefundAsync(order.Id, cancellationToken));
                case AskPayment:
                    return facts.After(step, await payment.GetPaymentAsync(order.Id, cancellationToken));
            }

            var answer = step switch
            {
                Reserve => await inventory.ReserveAsync(order.Id, order.RequestedLines, cancellationToken),
                Commit => await inventory.CommitAsync(order.Id, cancellationToken),
                Release => await inventory.ReleaseAsync(order.Id, cancellationToken),
                Return => await inventory.ReturnAsync(order.Id, cancellationToken),
                AskReservation => await inventory.GetReservationAsync(order.Id, cancellationToken),
                _ => throw new InvalidOperationException($"{step} is not a step on a service."),
            };
            if (answer.Prices.Count > 0 && order.Total is null)
            {
                order.Price(answer.Prices, clock.UtcNow);
            }

            return facts.After(step, answer) with { Priced = order.Total is not null };
        }
        finally
        {
            OrdersTelemetry.SagaStepDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("step", StepName(step)));
        }
    }

    private void End(Order order, Finish finish)
    {
        var now = clock.UtcNow;
        switch (finish.Status)
        {
            case OrderStatus.Confirmed:
                order.Confirm(now);
                break;
            case OrderStatus.Rejected:
                order.Reject(finish.Reason!, now);
                break;
            case OrderStatus.PaymentDeclined:
                order.DeclinePayment(finish.Reason!, now);
                break;
            case OrderStatus.Failed:
                order.Fail(finish.Reason!, now);
                break;
            case OrderStatus.Cancelled:
                order.Cancel(now);
                break;
            default:
                throw new InvalidOperationException($"The policy can't finish an order as {finish.Status}.");
        }
    }

    /// <summary>The one path by which the policy's outcome is stored.</summary>
    private async Task<PlacementEnd> StoreAsync(Order order, PlacementFacts facts)
    {
        try
        {
            // Stored even if the caller went away: the services already did what this outcome records.
            await orders.UpdateAsync(order, CancellationToken.None);
            if (order.StatusReason is { } reason)
            {
                Log.StoredBecause(logger, order.Id, order.Status, reason);
            }
            else
            {
                Log.Stored(logger, order.Id, order.Status);
            }

            return new PlacementEnd.Stored(order, facts);
        }
        catch (OrderStoreUnavailableException exception)
        {
            Log.StoreUnavailable(logger, exception, order.Id, order.Status);
            return new PlacementEnd.NotStored(order, facts, ChangedMeanwhile: false);
        }
        catch (OrderConcurrencyException)
        {
            // A placement that ran past Recovery:StuckAfter: recovery took the order over and decides it from what the
            // services know. This outcome is not written over that one.
            Log.ChangedMeanwhile(logger, order.Id, order.Status);
            return new PlacementEnd.NotStored(order, facts, ChangedMeanwhile: true);
        }
    }

    private static string StepName(PlacementStep step) => step switch
    {
        Reserve => "reserve",
        Charge => "charge",
        Commit => "commit",
        Release => "release",
        Return => "return",
        Refund => "refund",
        AskReservation => "ask_reservation",
        _ => "ask_payment",
    };

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug, Message = "Order {OrderId} ({Goal}): {Step}")]
        public static partial void Decided(ILogger logger, OrderId orderId, PlacementGoal goal, PlacementStep step);

        [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} stored as {Status}")]
        public static partial void Stored(ILogger logger, OrderId orderId, OrderStatus status);

        [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} stored as {Status}: {Reason}")]
        public static partial void StoredBecause(ILogger logger, OrderId orderId, OrderStatus status, string reason);

        [LoggerMessage(Level = LogLevel.Error, Message = "Order {OrderId} needs attention: {Reason}")]
        public static partial void NeedsAttention(ILogger logger, OrderId orderId, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} stays {Status}: {Dependency} did not answer ({Reason})")]
        public static partial void Waiting(ILogger logger, OrderId orderId, OrderStatus status, string dependency, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} was changed meanwhile (recovery took it over): its {Status} outcome is not stored")]
        public static partial void ChangedMeanwhile(ILogger logger, OrderId orderId, OrderStatus status);

        [LoggerMessage(Level = LogLevel.Error, Message = "Order store unavailable while storing order {OrderId} as {Status}")]
        public static partial void StoreUnavailable(ILogger logger, Exception exception, OrderId orderId, OrderStatus status);
    }
}
