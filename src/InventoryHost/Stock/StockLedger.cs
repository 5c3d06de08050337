using Microsoft.Extensions.Logging;
using MongoDB.Driver;
using Orders.InventoryHost.Stock.Storage;

namespace Orders.InventoryHost.Stock;

/// <summary>
/// The life of a reservation: reserve, release, commit, return. Kept in MongoDB without multi-document transactions:
/// every step is one atomic, repeatable single-document write, so a crash between steps is finished by a replayed
/// Reserve or undone by Release. Per product, at all times: available + held + sold == stock put in; never below zero.
/// Held counts the holds of uncommitted reservations only: those of committed ones linger until <see cref="CommittedHolds"/>
/// drops them.
/// </summary>
public sealed partial class StockLedger
{
    /// <summary>
    /// A release's mark clashes only with a reservation of its id inserted since its first look, which the second
    /// attempt finds (none is ever deleted); a third would find nothing new.
    /// </summary>
    internal const int MaxReleaseAttempts = 2;

    private readonly ReservationStore _reservations;
    private readonly ProductHolds _holds;
    private readonly CommittedHolds _committedHolds;
    private readonly ILogger<StockLedger> _logger;

    public StockLedger(IMongoDatabase database, CommittedHolds committedHolds, TimeProvider clock, ILogger<StockLedger> logger)
    {
        _reservations = new ReservationStore(database, clock);
        _holds = new ProductHolds(database);
        _committedHolds = committedHolds;
        _logger = logger;
    }

    /// <summary>
    /// Holds every line or none. Idempotent by reservation id: a finished reservation returns its first outcome and takes
    /// nothing; one left pending by a crash or a concurrent call is carried on to the end.
    /// </summary>
    public async Task<StockResult<ReserveOutcome>> ReserveAsync(
        string reservationId, IReadOnlyList<RequestedLine> lines, CancellationToken cancellationToken)
    {
        if (ReservationRules.CheckReserve(reservationId, lines) is { } invalid)
        {
            return invalid;
        }

        var requested = lines.OrderBy(l => l.ProductId, StringComparer.Ordinal).ToList();
        var existing = await _reservations.StartOrFindAsync(reservationId, requested, cancellationToken);
        if (existing is { IsReleasedMark: true })
        {
            LogReserveAfterRelease(reservationId);
            return new StockFailure(StockFailureKind.WrongState, $"reservation {reservationId} was released before its stock was reserved");
        }

        if (existing is not null)
        {
            if (!existing.RequestedLines.OrderBy(l => l.ProductId, StringComparer.Ordinal).SequenceEqual(requested))
            {
                return new StockFailure(StockFailureKind.Conflict, $"reservation {reservationId} already exists with other lines");
            }

            if (existing.Status != ReservationStatus.Pending)
            {
                LogReplayed(reservationId, existing.Status);
                return await ReplyAsync(existing, cancellationToken);
            }

            LogCarriedOn(reservationId);
        }

        var taken = await _holds.TakeAllAsync(reservationId, requested, cancellationToken);
        return taken.AllHeld
            ? await ConfirmAsync(reservationId, taken.Priced, cancellationToken)
            : await RejectAsync(reservationId, taken, cancellationToken);
    }

    /// <summary>
    /// Puts held stock back. Returns the reservation's status afterwards, or null when no reservation has this id
    /// (a normal compensation). Refused once the reservation is committed.
    /// </summary>
    public async Task<StockResult<ReservationStatus?>> ReleaseAsync(string reservationId, CancellationToken cancellationToken)
    {
        if (ReservationRules.CheckReservationId(reservationId) is { } invalid)
        {
            return invalid;
        }

        for (var attempt = 1; attempt <= MaxReleaseAttempts; attempt++)
        {
            // The status flips first: from then on no Reserve can confirm it, and undoing the holds is safe to repeat.
            var stored = await _reservations.TransitionAsync(
                reservationId, [ReservationStatus.Pending, ReservationStatus.Reserved], ReservationWrites.Releasing, cancellationToken);
            if (stored is not null)
            {
                return await SettleReleaseAsync(stored, cancellationToken);
            }

            if (await _reservations.TryLeaveReleasedMarkAsync(reservationId, cancellationToken))
            {
                LogReleasedUnknown(reservationId);
                return StockResult<ReservationStatus?>.Success(null);
            }

            // A Reserve of this id stored it in between: the next attempt releases that one.
        }

        throw new InvalidOperationException(
            $"Reservation {reservationId} clashed with a stored one {MaxReleaseAttempts} times but can't be read.");
    }

    /// <summary>
    /// Makes a reserved reservation final: its stock is sold and stays taken. Committing twice is a no-op. The status is
    /// the one write; the holds, now sold, are queued for <see cref="CommittedHolds"/> to drop with those of other commits.
    /// </summary>
    public async Task<StockResult<ReservationStatus>> CommitAsync(string reservationId, CancellationToken cancellationToken)
    {
        if (ReservationRules.CheckReservationId(reservationId) is { } invalid)
        {
            return invalid;
        }

        var stored = await _reservations.TransitionAsync(
            reservationId, [ReservationStatus.Reserved], ReservationWrites.Committing, cancellationToken);
        if (stored is null)
        {
            return new StockFailure(StockFailureKind.NotFound, $"reservation {reservationId} does not exist");
        }

        if (stored.Status != ReservationStatus.Committed)
        {
            return new StockFailure(
                StockFailureKind.WrongState, $"reservation {reservationId} is {stored.Status}: only a reserved reservation can be committed");
        }

        _committedHolds.Add(stored.Id, stored.Lines.Select(l => l.ProductId));
        LogCommitted(reservationId);
        return ReservationStatus.Committed;
    }

    /// <summary>
    /// Gives a committed reservation's units back to available stock (its order was cancelled). The status flips
    /// first; then each product takes its units back in one write that also records the reservation id and matches
    /// only while that id is absent. So returning twice is a no-op, and a replay after a crash between the writes
    /// (or racing another return) finishes the products left over without giving any unit back twice.
    /// </summary>
    public async Task<StockResult<ReservationStatus>> ReturnAsync(string reservationId, CancellationToken cancellationToken)
    {
        if (ReservationRules.CheckReservationId(reservationId) is { } invalid)
        {
            return invalid;
        }

        var stored = await _reservations.TransitionAsync(
            reservationId, [ReservationStatus.Committed], ReservationWrites.Returning, cancellationToken);
        if (stored is null)
        {
            return new StockFailure(StockFailureKind.NotFound, $"reservation {reservationId} does not exist");
        }

        if (stored.Status != ReservationStatus.Returned)
        {
            return new StockFailure(
                StockFailureKind.WrongState, $"reservation {reservationId} is {stored.Status}: only a committed reservation can be returned");
        }

        // The committed holds may still wait for their sweep; they belong to the sale being undone, so they go first.
        await _holds.DropAsync(stored.Id, stored.Lines, cancellationToken);
        await _holds.ReturnAsync(stored.Id, stored.Lines, cancellationToken);
        LogReturned(reservationId, stored.Lines.Count);
        return ReservationStatus.Returned;
    }

    public async Task<Reservation?> GetReservationAsync(string reservationId, CancellationToken cancellationToken)
    {
        var stored = await _reservations.FindAsync(reservationId, cancellationToken);
        return stored?.ToReservation();
    }

    private async Task<StockResult<ReservationStatus?>> SettleReleaseAsync(ReservationDocument stored, CancellationToken cancellationToken)
    {
        if (stored.Status is ReservationStatus.Committed or ReservationStatus.Returned)
        {
            return new StockFailure(StockFailureKind.WrongState, $"reservation {stored.Id} is {stored.Status}: its stock was sold");
        }

        await SettleHoldsAsync(stored, cancellationToken);
        LogReleased(stored.Id, stored.Status);
        return stored.Status;
    }

    private async Task<StockResult<ReserveOutcome>> RejectAsync(string reservationId, TakenLines taken, CancellationToken cancellationToken)
    {
        // Rejected before the holds are undone: a concurrent replay can then no longer confirm what is being given back.
        var stored = await _reservations.TransitionAsync(
                reservationId, [ReservationStatus.Pending], ReservationWrites.Rejecting(taken.Shortages, taken.UnknownProductIds), cancellationToken)
            ?? throw new InvalidOperationException($"Reservation {reservationId} vanished while being rejected.");
        if (stored.Status == ReservationStatus.Rejected)
        {
            LogRejected(reservationId, stored.Shortages.Count, stored.UnknownProductIds.Count);
        }

        return await ReplyAsync(stored, cancellationToken);
    }

    private async Task<StockResult<ReserveOutcome>> ConfirmAsync(
        string reservationId, List<ReservationLineDocument> priced, CancellationToken cancellationToken)
    {
        if (await _reservations.TryMoveAsync(reservationId, ReservationStatus.Pending, ReservationWrites.Confirming(priced), cancellationToken))
        {
            LogReserved(reservationId, priced.Count);
            return new ReserveOutcome.Reserved([.. priced.Select(line => line.ToReservedLine())]);
        }

        // A concurrent Reserve or Release of this id settled it first: answer with what that one stored.
        var stored = await _reservations.FindAsync(reservationId, cancellationToken)
            ?? throw new InvalidOperationException($"Reservation {reservationId} vanished while being confirmed.");
        return await ReplyAsync(stored, cancellationToken);
    }

    /// <summary>Brings the holds in line with a settled reservation, then answers with its first outcome.</summary>
    private async Task<StockResult<ReserveOutcome>> ReplyAsync(ReservationDocument stored, CancellationToken cancellationToken)
    {
        await SettleHoldsAsync(stored, cancellationToken);
        return stored.Status switch
        {
            ReservationStatus.Reserved or ReservationStatus.Committed or ReservationStatus.Returned =>
                new ReserveOutcome.Reserved(stored.ReservedLines),
            ReservationStatus.Released when stored.IsPriced => new ReserveOutcome.Reserved(stored.ReservedLines),
            ReservationStatus.Released => new StockFailure(
                StockFailureKind.WrongState, $"reservation {stored.Id} was released before its stock was reserved"),
            ReservationStatus.Rejected => new ReserveOutcome.Rejected(
                [.. stored.Shortages.Select(s => s.ToShortage())], stored.UnknownProductIds),
            _ => throw new InvalidOperationException($"Reservation {stored.Id} is still pending after a transition."),
        };
    }

    /// <summary>Released or rejected: every hold goes back to available stock. Committed: every hold is dropped, its units sold.</summary>
    private Task SettleHoldsAsync(ReservationDocument stored, CancellationToken cancellationToken) => stored.Status switch
    {
        ReservationStatus.Released or ReservationStatus.Rejected => _holds.ReleaseAsync(stored.Id, stored.Lines, cancellationToken),
        ReservationStatus.Committed => _holds.DropAsync(stored.Id, stored.Lines, cancellationToken),
        _ => Task.CompletedTask,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Reservation {ReservationId} arrived after its release: nothing is taken")]
    private partial void LogReserveAfterRelease(string reservationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reservation {ReservationId} replayed: it is already {Status}")]
    private partial void LogReplayed(string reservationId, ReservationStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reservation {ReservationId} is pending: carrying it on")]
    private partial void LogCarriedOn(string reservationId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reservation {ReservationId} reserved {LineCount} lines")]
    private partial void LogReserved(string reservationId, int lineCount);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Reservation {ReservationId} rejected: {ShortCount} products short, {UnknownCount} unknown")]
    private partial void LogRejected(string reservationId, int shortCount, int unknownCount);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Release of unknown reservation {ReservationId}: nothing is held; a late Reserve will take nothing")]
    private partial void LogReleasedUnknown(string reservationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reservation {ReservationId} released (status {Status})")]
    private partial void LogReleased(string reservationId, ReservationStatus status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reservation {ReservationId} committed")]
    private partial void LogCommitted(string reservationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reservation {ReservationId} returned {LineCount} lines to stock")]
    private partial void LogReturned(string reservationId, int lineCount);
}
