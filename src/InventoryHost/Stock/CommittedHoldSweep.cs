using Microsoft.Extensions.Logging;

namespace Orders.InventoryHost.Stock;

/// <summary>
/// Drops the holds of committed reservations every <see cref="Interval"/>: under load one write for dozens of commits.
/// It also drops, once, the committed holds a host that stopped before its sweep left behind; and when it stops, what is
/// still queued.
/// </summary>
public sealed partial class CommittedHoldSweep(CommittedHolds committedHolds, ILogger<CommittedHoldSweep> logger) : BackgroundService
{
    /// <summary>How long a committed hold may wait: short enough to keep product documents small, long enough to batch.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        var leftoversDropped = false;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            leftoversDropped = leftoversDropped || await TryAsync(DropLeftoversAsync, stoppingToken);
            await TryAsync(committedHolds.DropAsync, stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await TryAsync(committedHolds.DropAsync, cancellationToken);
    }

    private async Task<int> DropLeftoversAsync(CancellationToken cancellationToken)
    {
        var dropped = await committedHolds.DropLeftoversAsync(cancellationToken);
        if (dropped > 0)
        {
            LogLeftoversDropped(dropped);
        }

        return dropped;
    }

    /// <summary>Runs one sweep; when MongoDB is away it says so and the next tick tries again (committed holds change no count).</summary>
    private async Task<bool> TryAsync(Func<CancellationToken, Task<int>> sweep, CancellationToken cancellationToken)
    {
        try
        {
            await sweep(cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogNotDropped(exception, committedHolds.Waiting);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped {HoldCount} holds of committed reservations left by an earlier run")]
    private partial void LogLeftoversDropped(int holdCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Holds of committed reservations not dropped; {HoldCount} stay queued for the next sweep")]
    private partial void LogNotDropped(Exception exception, int holdCount);
}
