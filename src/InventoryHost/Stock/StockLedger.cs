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
    /// Holds every line or none. Stock is taken first, then one insert decides: a reservation of this id stored before
    /// (by a concurrent or earlier Reserve, or a Release's mark) wins, and this call brings what it took in line with it
    /// and answers its first outcome. So a replay takes nothing for good, and a crash between the writes leaves holds that
    /// a replay carries on or a Release gives back.
    /// </summary>
    public async Task<StockResult<ReserveOutcome>> ReserveAsync(
        string reservationId, IReadOnlyList<RequestedLine> lines, CancellationToken cancellationToken)
    {
        if (ReservationRules.CheckReserve(reservationId, lines) is { } invalid)
        {
            return invalid;
        }

        var requested = lines.OrderBy(l => l.ProductId, StringComparer.Ordinal).ToList();
        var taken = await _holds.TakeAllAsync(reservationId, requested, cancellationToken);
        if (taken.Clashed)
        {
            await _holds.ReleaseTakenAsync(taken, Unstored(reservationId), cancellationToken);
            return Conflict(reservationId);
        }

        var stored = taken.AllHeld
            ? await _reservations.InsertReservedOrFindAsync(reservationId, taken.Priced, cancellationToken)
            : await _reservations.InsertRejectedOrFindAsync(reservationId, requested, taken, cancellationToken);
        if (stored is not null)
        {
            return await FollowAsync(stored, requested, taken, cancellationToken);
        }

        if (taken.AllHeld)
        {
            LogReserved(reservationId, taken.Priced.Count);
            return new ReserveOutcome.Reserved([.. taken.Priced.Select(line => line.ToReservedLine())]);
        }

        await _holds.ReleaseAsync(reservationId, taken.Priced, cancellationToken);
        LogRejected(reservationId, taken.Shortages.Count, taken.UnknownProductIds.Count);
        return new ReserveOutcome.Rejected(taken.Shortages, taken.UnknownProductIds);
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
                // A Reserve that died after taking stock left holds and no reservation; a late one gives back its own.
                var released = await _holds.ReleaseWhereverHeldAsync(reservationId, cancellationToken);
                LogReleasedUnknown(reservationId, released);
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

        _committedHolds.Add(stored.Id, stored.Lines);
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

    /// <summary>
    /// Another call stored this reservation first. What this call took goes back unless that one counts on it, then
    /// the stored reservation answers. One stored pending (before reservations were decided in one write) is carried on.
    /// </summary>
    private async Task<StockResult<ReserveOutcome>> FollowAsync(
        ReservationDocument stored, IReadOnlyList<RequestedLine> requested, TakenLines taken, CancellationToken cancellationToken)
    {
        var sameLines = stored.RequestedLines.OrderBy(l => l.ProductId, StringComparer.Ordinal).SequenceEqual(requested);
        if (sameLines && stored.Status == ReservationStatus.Pending)
        {
            LogCarriedOn(stored.Id);
            return taken.AllHeld
                ? await ConfirmAsync(stored.Id, taken.Priced, cancellationToken)
                : await RejectAsync(stored.Id, taken, cancellationToken);
        }

        if (stored.IsReleasedMark)
        {
            // Every hold of the id goes, this call's with the rest.
            await _holds.ReleaseWhereverHeldAsync(stored.Id, cancellationToken);
            LogReserveAfterRelease(stored.Id);
            return new StockFailure(StockFailureKind.WrongState, $"reservation {stored.Id} was released before its stock was reserved");
        }

        await _holds.ReleaseTakenAsync(taken, stored, cancellationToken);
        if (!sameLines)
        {
            return Conflict(stored.Id);
        }

        LogReplayed(stored.Id, stored.Status);
        return await ReplyAsync(stored, cancellationToken);
    }

    private static StockFailure Conflict(string reservationId) =>
        new(StockFailureKind.Conflict, $"reservation {reservationId} already exists with other lines");

    /// <summary>No reservation stored: it counts on no hold.</summary>
    private static ReservationDocument Unstored(string reservationId) =>
        new() { Id = reservationId, Lines = [], Status = ReservationStatus.Pending };

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
}
