using MongoDB.Driver;

namespace Orders.InventoryHost.Stock.Storage;

/// <summary>
/// The <c>reservations</c> collection: each step of a reservation's life is one conditional single-document write, so
/// of two calls racing on one id exactly one makes each move, and the other sees where it went.
/// </summary>
internal sealed class ReservationStore(IMongoDatabase database, TimeProvider clock)
{
    private readonly IMongoCollection<ReservationDocument> _reservations = StockCollections.ReservationsOf(database);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<ReservationDocument?> FindAsync(string reservationId, CancellationToken cancellationToken) =>
        await _reservations.Find(ReservationWrites.ById(reservationId)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Stores the reservation as reserved, with its lines priced and the holds they count on; returns null when this call
    /// stored it, else the reservation of this id stored first, which decides.
    /// </summary>
    public Task<ReservationDocument?> InsertReservedOrFindAsync(
        string reservationId, List<ReservationLineDocument> priced, CancellationToken cancellationToken) =>
        InsertOrFindAsync(Decided(reservationId, priced, ReservationStatus.Reserved), cancellationToken);

    /// <summary>Stores the reservation as rejected, naming why; returns null when this call stored it, else the one stored first.</summary>
    public Task<ReservationDocument?> InsertRejectedOrFindAsync(
        string reservationId, IReadOnlyList<RequestedLine> requested, TakenLines taken, CancellationToken cancellationToken) =>
        InsertOrFindAsync(Decided(reservationId, [.. requested.Select(ReservationLineDocument.Requested)], ReservationStatus.Rejected, taken), cancellationToken);

    /// <summary>
    /// Records that an id unknown until now was released, so a Reserve of it that arrives late (its caller timed out
    /// and compensated) takes nothing instead of holding stock for an order that has already failed. False when a
    /// reservation of this id was inserted first.
    /// </summary>
    public async Task<bool> TryLeaveReleasedMarkAsync(string reservationId, CancellationToken cancellationToken)
    {
        var now = Now;
        try
        {
            await _reservations.InsertOneAsync(
                new ReservationDocument { Id = reservationId, Lines = [], Status = ReservationStatus.Released, CreatedAt = now, UpdatedAt = now },
                cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException e) when (e.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            return false;
        }
    }

    private ReservationDocument Decided(
        string reservationId, List<ReservationLineDocument> lines, ReservationStatus status, TakenLines? rejection = null)
    {
        var now = Now;
        return new ReservationDocument
        {
            Id = reservationId,
            Lines = lines,
            Status = status,
            Shortages = [.. rejection?.Shortages.Select(ShortageDocument.From) ?? []],
            UnknownProductIds = [.. rejection?.UnknownProductIds ?? []],
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    private async Task<ReservationDocument?> InsertOrFindAsync(ReservationDocument decided, CancellationToken cancellationToken)
    {
        try
        {
            await _reservations.InsertOneAsync(decided, cancellationToken: cancellationToken);
            return null;
        }
        catch (MongoWriteException e) when (e.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            return await FindAsync(decided.Id, cancellationToken)
                ?? throw new InvalidOperationException($"Reservation {decided.Id} clashed on insert but can't be read.");
        }
    }

    /// <summary>
    /// Moves the reservation from one of <paramref name="from"/> in one conditional write; returns it as stored
    /// afterwards (moved or not), or null when there is none.
    /// </summary>
    public async Task<ReservationDocument?> TransitionAsync(
        string reservationId, ReservationStatus[] from, UpdateDefinition<ReservationDocument> update, CancellationToken cancellationToken)
    {
        var moved = await _reservations.FindOneAndUpdateAsync(
            ReservationWrites.InStatus(reservationId, from),
            ReservationWrites.Stamped(update, Now),
            new FindOneAndUpdateOptions<ReservationDocument> { ReturnDocument = ReturnDocument.After },
            cancellationToken);
        return moved ?? await FindAsync(reservationId, cancellationToken);
    }

    /// <summary>
    /// Moves the reservation from <paramref name="from"/> in one conditional write that sends no document back, for the
    /// hot path, where the caller knows what it wrote; false when the reservation was elsewhere (or absent).
    /// </summary>
    public async Task<bool> TryMoveAsync(
        string reservationId, ReservationStatus from, UpdateDefinition<ReservationDocument> update, CancellationToken cancellationToken)
    {
        var moved = await _reservations.UpdateOneAsync(
            ReservationWrites.InStatus(reservationId, [from]),
            ReservationWrites.Stamped(update, Now),
            cancellationToken: cancellationToken);
        return moved.MatchedCount == 1;
    }
}
