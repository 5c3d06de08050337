using Mediator;
using Microsoft.Extensions.Options;
using Orders.Application.Abstractions;
using Orders.Application.Orders.RecoverOrder;
using Orders.Domain.Orders;

namespace Orders.WebApi.Recovery;

/// <summary>
/// Every <see cref="RecoveryOptions.Interval"/>, claims the orders pending longer than
/// <see cref="RecoveryOptions.StuckAfter"/> one at a time and recovers each in its own scope. An order left pending
/// (a dependency is down) is passed over for the rest of the round and tried again in the next.
/// </summary>
internal sealed partial class OrderRecoveryService(
    IServiceScopeFactory scopes,
    IOptions<RecoveryOptions> options,
    IClock clock,
    TimeProvider timeProvider,
    ILogger<OrderRecoveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled(logger);
            return;
        }

        using var timer = new PeriodicTimer(settings.Interval, timeProvider);
        try
        {
            do
            {
                await RunRoundAsync(settings.StuckAfter, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; a claim in progress was rolled back and its order waits for the next instance.
        }
    }

    private async Task RunRoundAsync(TimeSpan stuckAfter, CancellationToken cancellationToken)
    {
        var unchangedSince = clock.UtcNow - stuckAfter;
        var tried = new List<OrderId>();
        while (true)
        {
            var scope = scopes.CreateAsyncScope();
            await using (scope)
            {
                IStuckOrderClaim? claim;
                try
                {
                    claim = await scope.ServiceProvider.GetRequiredService<IStuckOrders>()
                        .ClaimNextAsync(unchangedSince, tried, cancellationToken);
                }
                catch (OrderStoreUnavailableException exception)
                {
                    LogStoreUnavailable(logger, exception);
                    return;
                }

                if (claim is null)
                {
                    return;
                }

                await using (claim)
                {
                    tried.Add(claim.OrderId);
                    await RecoverAsync(scope.ServiceProvider, claim, cancellationToken);
                }
            }
        }
    }

    private async Task RecoverAsync(IServiceProvider services, IStuckOrderClaim claim, CancellationToken cancellationToken)
    {
        try
        {
            var result = await services.GetRequiredService<ISender>().Send(new RecoverOrderCommand(claim.OrderId.Value), cancellationToken);
            await claim.CompleteAsync(cancellationToken);
            LogRound(logger, claim.OrderId, result);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // One order's bug must not stop the recovery of the others; it stays pending and is logged each round.
            LogFailed(logger, exception, claim.OrderId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order recovery is off (Recovery:Enabled is false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Recovery of order {OrderId}: {Result}")]
    private static partial void LogRound(ILogger logger, OrderId orderId, RecoverOrderResult result);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order recovery skipped a round: the order store is unavailable")]
    private static partial void LogStoreUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recovery of order {OrderId} failed; it stays pending")]
    private static partial void LogFailed(ILogger logger, Exception exception, OrderId orderId);
}
