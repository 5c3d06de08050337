using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orders.Infrastructure.Persistence;

namespace Orders.Infrastructure.Outbox;

/// <summary>
/// Runs the relay in every instance: passes back to back while full batches come, a poll interval apart when idle,
/// and backing off (doubling up to <see cref="OutboxOptions.MaxBackoff"/>) while the broker or the store is away.
/// Placing orders never waits for it: the saga only writes rows. Deletes sent rows past their retention now and then.
/// </summary>
internal sealed partial class OutboxRelayService(
    OutboxRelay relay,
    IOptions<OutboxOptions> options,
    TimeProvider timeProvider,
    ILogger<OutboxRelayService> logger) : BackgroundService
{
    private int _failuresInARow;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var nextCleanup = timeProvider.GetUtcNow();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var more = await RelayAsync(settings, stoppingToken);
                if (timeProvider.GetUtcNow() >= nextCleanup)
                {
                    await CleanUpAsync(stoppingToken);
                    nextCleanup = timeProvider.GetUtcNow() + settings.CleanupInterval;
                }

                if (!more)
                {
                    await Task.Delay(settings.PollInterval, timeProvider, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a pass in progress was rolled back and its rows are published by the next relay to run.
        }
    }

    /// <summary>One pass; true when a full batch went out, so more may be waiting. Failures pause by the growing backoff.</summary>
    private async Task<bool> RelayAsync(OutboxOptions settings, CancellationToken stoppingToken)
    {
        try
        {
            var published = await relay.RelayOnceAsync(stoppingToken);
            _failuresInARow = 0;
            if (published < settings.BatchSize)
            {
                await relay.MeasureBacklogAsync(stoppingToken);
            }

            return published >= settings.BatchSize;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            _failuresInARow++;
            var backoff = Backoff(settings, _failuresInARow);
            if (exception is OrderEventPublishException)
            {
                LogBrokerAway(logger, exception.Message, backoff);
            }
            else if (OrderStoreFailure.IsUnavailable(exception, stoppingToken))
            {
                LogStoreAway(logger, backoff);
            }
            else
            {
                LogPassFailed(logger, exception, backoff);
            }

            await MeasureQuietlyAsync(stoppingToken);
            await Task.Delay(backoff, timeProvider, stoppingToken);
            return false;
        }
    }

    /// <summary>The poll interval doubled per failure in a row, at most <see cref="OutboxOptions.MaxBackoff"/>.</summary>
    internal static TimeSpan Backoff(OutboxOptions settings, int failuresInARow)
    {
        var doublings = Math.Min(failuresInARow - 1, 30);
        var backoff = settings.PollInterval * Math.Pow(2, doublings);
        return backoff < settings.MaxBackoff ? backoff : settings.MaxBackoff;
    }

    private async Task MeasureQuietlyAsync(CancellationToken stoppingToken)
    {
        try
        {
            await relay.MeasureBacklogAsync(stoppingToken);
        }
        catch (Exception exception) when (OrderStoreFailure.IsUnavailable(exception, stoppingToken))
        {
            // The store is away too: the metrics keep their last values until it answers.
        }
    }

    private async Task CleanUpAsync(CancellationToken stoppingToken)
    {
        try
        {
            var deleted = await relay.DeleteSentAsync(stoppingToken);
            if (deleted > 0)
            {
                LogCleanedUp(logger, deleted);
            }
        }
        catch (Exception exception) when (OrderStoreFailure.IsUnavailable(exception, stoppingToken))
        {
            LogStoreAway(logger, options.Value.CleanupInterval);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order events wait in the outbox: {Reason} Next attempt in {Backoff}")]
    private static partial void LogBrokerAway(ILogger logger, string reason, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order events wait in the outbox: the order store is unavailable. Next attempt in {Backoff}")]
    private static partial void LogStoreAway(ILogger logger, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Error, Message = "An outbox relay pass failed; next attempt in {Backoff}")]
    private static partial void LogPassFailed(ILogger logger, Exception exception, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deleted {Count} sent order events past their retention")]
    private static partial void LogCleanedUp(ILogger logger, int count);
}
