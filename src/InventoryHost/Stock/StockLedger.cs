using Microsoft.Extensions.Logging;
using MongoDB.Bson;
using MongoDB.Driver;
using Orders.InventoryHost.Stock.Storage;

namespace Orders.InventoryHost.Stock;

/// <summary>
/// Products, their stock, and the reservations that hold it, kept in MongoDB without multi-document transactions.
/// Every step is one atomic, repeatable single-document write, so a crash between steps is finished by a replayed
/// Reserve or undone by Release. Per product, at all times: available + held + sold == stock put in; never below zero.
/// Held counts the holds of unsold reservations only: those of sold ones linger until <see cref="SoldHolds"/> drops them.
/// </summary>
public sealed class StockLedger
{
    /// <summary>A take that fails although the product shows enough stock raced a release; try again this often.</summary>
    private const int MaxTakeAttempts = 3;

    private const int DuplicateKeyCode = 11000;
    private const string ReturnedReservationIds = "returned_reservation_ids";

    private static readonly FilterDefinitionBuilder<ProductDocument> ProductWhere = Builders<ProductDocument>.Filter;
    private static readonly UpdateDefinitionBuilder<ProductDocument> ProductUpdate = Builders<ProductDocument>.Update;
    private static readonly ProjectionDefinition<ProductDocument> WithoutBookkeeping =
        new BsonDocument { { ProductDocument.HoldsElement, 0 }, { ProductDocument.ReturnedReservationIdsElement, 0 } };
    private static readonly FilterDefinitionBuilder<ReservationDocument> ReservationWhere = Builders<ReservationDocument>.Filter;
    private static readonly UpdateDefinitionBuilder<ReservationDocument> ReservationUpdate = Builders<ReservationDocument>.Update;

    private readonly IMongoCollection<ProductDocument> _products;
    private readonly IMongoCollection<ReservationDocument> _reservations;
    private readonly SoldHolds _soldHolds;
    private readonly TimeProvider _clock;
    private readonly ILogger<StockLedger> _logger;

    public StockLedger(IMongoDatabase database, SoldHolds soldHolds, TimeProvider clock, ILogger<StockLedger> logger)
    {
        _products = StockCollections.ProductsOf(database);
        _reservations = StockCollections.ReservationsOf(database);
        _soldHolds = soldHolds;
        _clock = clock;
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
        var existing = await StartOrFindAsync(reservationId, requested, cancellationToken);
        if (existing is { IsReleasedMark: true })
        {
            _logger.LogInformation("Reservation {ReservationId} arrived after its release: nothing is taken", reservationId);
            return new StockFailure(StockFailureKind.WrongState, $"reservation {reservationId} was released before its stock was reserved");
        }

        if (existing is not null)
        {
            if (!existing.RequestedLines.OrderBy(l => l.ProductId, StringComparer.Ordinal).SequenceEqual(requested))
            {
                return new StockFailure(StockFailureKind.Conflict, $"reservation {reservationId} already exists with other lines");
            }

            if (existing.ParsedStatus != ReservationStatus.Pending)
            {
                _logger.LogInformation("Reservation {ReservationId} replayed: it is already {Status}", reservationId, existing.ParsedStatus);
                return await ReplyAsync(existing, cancellationToken);
            }

            _logger.LogInformation("Reservation {ReservationId} is pending: carrying it on", reservationId);
        }

        return await TakeLinesAsync(reservationId, requested, cancellationToken);
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

        // The status flips first: from then on no Reserve can confirm it, and undoing the holds is safe to repeat.
        var stored = await TransitionAsync(
            reservationId, [StoredStatus.Pending, StoredStatus.Reserved], ReservationUpdate.Set(r => r.Status, StoredStatus.Released), cancellationToken);
        if (stored is null)
        {
            if (await TryLeaveReleasedMarkAsync(reservationId, cancellationToken))
            {
                _logger.LogInformation("Release of unknown reservation {ReservationId}: nothing is held; a late Reserve will take nothing", reservationId);
                return StockResult<ReservationStatus?>.Success(null);
            }

            // A Reserve of this id started in between: release that one.
            return await ReleaseAsync(reservationId, cancellationToken);
        }

        if (stored.ParsedStatus is ReservationStatus.Committed or ReservationStatus.Returned)
        {
            return new StockFailure(StockFailureKind.WrongState, $"reservation {reservationId} is {stored.Status}: its stock was sold");
        }

        await SettleHoldsAsync(stored, cancellationToken);
        _logger.LogInformation("Reservation {ReservationId} released (status {Status})", reservationId, stored.ParsedStatus);
        return stored.ParsedStatus;
    }

    /// <summary>
    /// Makes a reserved reservation final: its stock is sold and stays taken. Committing twice is a no-op. The status is
    /// the one write; the holds, now sold, are queued for <see cref="SoldHolds"/> to drop with those of other commits.
    /// </summary>
    public async Task<StockResult<ReservationStatus>> CommitAsync(string reservationId, CancellationToken cancellationToken)
    {
        if (ReservationRules.CheckReservationId(reservationId) is { } invalid)
        {
            return invalid;
        }

        var stored = await TransitionAsync(reservationId, [StoredStatus.Reserved], Committing, cancellationToken);
        if (stored is null)
        {
            return new StockFailure(StockFailureKind.NotFound, $"reservation {reservationId} does not exist");
        }

        if (stored.ParsedStatus != ReservationStatus.Committed)
        {
            return new StockFailure(
                StockFailureKind.WrongState, $"reservation {reservationId} is {stored.Status}: only a reserved reservation can be committed");
        }

        _soldHolds.Add(stored.Id, stored.Lines.Select(l => l.ProductId));
        _logger.LogDebug("Reservation {ReservationId} committed", reservationId);
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

        var stored = await TransitionAsync(
            reservationId, [StoredStatus.Committed], ReservationUpdate.Set(r => r.Status, StoredStatus.Returned), cancellationToken);
        if (stored is null)
        {
            return new StockFailure(StockFailureKind.NotFound, $"reservation {reservationId} does not exist");
        }

        if (stored.ParsedStatus != ReservationStatus.Returned)
        {
            return new StockFailure(
                StockFailureKind.WrongState, $"reservation {reservationId} is {stored.Status}: only a committed reservation can be returned");
        }

        // The sold holds may still wait for their sweep; they belong to the sale being undone, so they go first.
        await SettleHoldsAsync(stored.Id, stored.Lines, givesStockBack: false, cancellationToken);
        if (stored.Lines.Count > 0)
        {
            var returns = stored.Lines.Select(line => new UpdateOneModel<ProductDocument>(
                ProductWhere.Eq(p => p.Id, line.ProductId) & ProductWhere.Ne(ReturnedReservationIds, stored.Id),
                ProductUpdate.Inc(p => p.Available, line.Quantity).Push(p => p.ReturnedReservationIds, stored.Id)));
            await _products.BulkWriteAsync(returns, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
        }

        _logger.LogInformation("Reservation {ReservationId} returned {LineCount} lines to stock", reservationId, stored.Lines.Count);
        return ReservationStatus.Returned;
    }

    public async Task<Reservation?> GetReservationAsync(string reservationId, CancellationToken cancellationToken)
    {
        var stored = await FindReservationAsync(reservationId, cancellationToken);
        return stored?.ToReservation();
    }

    /// <summary>The products with these ids, in id order; unknown ids are left out.</summary>
    public async Task<IReadOnlyList<Product>> GetProductsAsync(IEnumerable<string> productIds, CancellationToken cancellationToken)
    {
        var found = await _products.Find(ProductWhere.In(p => p.Id, productIds.Distinct(StringComparer.Ordinal)))
            .Project<ProductDocument>(WithoutBookkeeping)
            .SortBy(p => p.Id)
            .ToListAsync(cancellationToken);
        return [.. found.Select(p => p.ToProduct())];
    }

    /// <summary>Creates a product with its initial stock, or renames and reprices an existing one (its stock untouched).</summary>
    public async Task<StockResult<Product>> UpsertProductAsync(ProductListing listing, CancellationToken cancellationToken)
    {
        if (ReservationRules.CheckListing(listing) is { } invalid)
        {
            return invalid;
        }

        var update = ProductUpdate
            .Set(p => p.Name, listing.Name)
            .Set(p => p.UnitPrice, listing.UnitPrice.Amount)
            .Set(p => p.Currency, listing.UnitPrice.Currency)
            .SetOnInsert(p => p.Available, listing.InitialStock)
            .SetOnInsert(p => p.Holds, []);
        var options = new FindOneAndUpdateOptions<ProductDocument>
        {
            IsUpsert = true,
            ReturnDocument = ReturnDocument.After,
            Projection = WithoutBookkeeping,
        };
        ProductDocument stored;
        try
        {
            stored = await _products.FindOneAndUpdateAsync(ProductWhere.Eq(p => p.Id, listing.ProductId), update, options, cancellationToken);
        }
        catch (MongoCommandException e) when (e.Code == DuplicateKeyCode)
        {
            // Two upserts of a new id raced and the other inserted it: now it exists, so this one is a plain update.
            stored = await _products.FindOneAndUpdateAsync(ProductWhere.Eq(p => p.Id, listing.ProductId), update, options, cancellationToken);
        }

        _logger.LogInformation("Product {ProductId} listed at {UnitPrice} {Currency}", listing.ProductId, listing.UnitPrice.Amount, listing.UnitPrice.Currency);
        return stored.ToProduct();
    }

    /// <summary>Sets the units of an existing product that nobody holds.</summary>
    public async Task<StockResult<Product>> SetStockAsync(string productId, int available, CancellationToken cancellationToken)
    {
        if ((ReservationRules.CheckId("product id", productId) ?? ReservationRules.CheckStock(available)) is { } invalid)
        {
            return invalid;
        }

        var stored = await _products.FindOneAndUpdateAsync(
            ProductWhere.Eq(p => p.Id, productId),
            ProductUpdate.Set(p => p.Available, available),
            new FindOneAndUpdateOptions<ProductDocument> { ReturnDocument = ReturnDocument.After, Projection = WithoutBookkeeping },
            cancellationToken);
        if (stored is null)
        {
            return new StockFailure(StockFailureKind.NotFound, $"product {productId} does not exist");
        }

        _logger.LogInformation("Stock of product {ProductId} set to {Available}", productId, available);
        return stored.ToProduct();
    }

    /// <summary>Inserts the pending reservation; returns null when this call created it, else the one already stored.</summary>
    private async Task<ReservationDocument?> StartOrFindAsync(
        string reservationId, IReadOnlyList<RequestedLine> requested, CancellationToken cancellationToken)
    {
        var now = Now;
        var pending = new ReservationDocument
        {
            Id = reservationId,
            Lines = [.. requested.Select(ReservationLineDocument.Requested)],
            Status = StoredStatus.Pending,
            CreatedAt = now,
            UpdatedAt = now,
        };
        try
        {
            await _reservations.InsertOneAsync(pending, cancellationToken: cancellationToken);
            return null;
        }
        catch (MongoWriteException e) when (e.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            return await FindReservationAsync(reservationId, cancellationToken)
                ?? throw new InvalidOperationException($"Reservation {reservationId} clashed on insert but can't be read.");
        }
    }

    /// <summary>
    /// Records that an id unknown until now was released, so a Reserve of it that arrives late (its caller timed out
    /// and compensated) takes nothing instead of holding stock for an order that has already failed.
    /// </summary>
    private async Task<bool> TryLeaveReleasedMarkAsync(string reservationId, CancellationToken cancellationToken)
    {
        var now = Now;
        try
        {
            await _reservations.InsertOneAsync(
                new ReservationDocument { Id = reservationId, Lines = [], Status = StoredStatus.Released, CreatedAt = now, UpdatedAt = now },
                cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException e) when (e.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            return false;
        }
    }

    private async Task<StockResult<ReserveOutcome>> TakeLinesAsync(
        string reservationId, IReadOnlyList<RequestedLine> requested, CancellationToken cancellationToken)
    {
        var priced = new List<ReservationLineDocument>(requested.Count);
        var shortages = new List<StockShortage>();
        var unknown = new List<string>();
        foreach (var line in requested)
        {
            // Once the reservation is sure to be rejected, the other lines are only looked at, so every reason is named.
            var rejecting = shortages.Count > 0 || unknown.Count > 0;
            var take = rejecting
                ? await InspectAsync(reservationId, line, cancellationToken)
                : await TakeAsync(reservationId, line, cancellationToken);
            switch (take)
            {
                case LineTake.Held held:
                    priced.Add(ReservationLineDocument.Priced(line, held.UnitPrice));
                    break;
                case LineTake.Short shortOf:
                    shortages.Add(new StockShortage(line.ProductId, line.Quantity, shortOf.Available));
                    break;
                case LineTake.Unknown:
                    unknown.Add(line.ProductId);
                    break;
            }
        }

        return shortages.Count > 0 || unknown.Count > 0
            ? await RejectAsync(reservationId, shortages, unknown, cancellationToken)
            : await ConfirmAsync(reservationId, priced, cancellationToken);
    }

    /// <summary>Takes the line's units for this reservation in one atomic write; never twice, never below zero.</summary>
    private async Task<LineTake> TakeAsync(string reservationId, RequestedLine line, CancellationToken cancellationToken)
    {
        var takeable = Takeable(reservationId, line);
        var take = Take(reservationId, line);
        var options = new FindOneAndUpdateOptions<ProductDocument> { ReturnDocument = ReturnDocument.After, Projection = WithoutBookkeeping };

        for (var attempt = 1; ; attempt++)
        {
            var taken = await _products.FindOneAndUpdateAsync(takeable, take, options, cancellationToken);
            if (taken is not null)
            {
                return new LineTake.Held(taken.ToProduct().UnitPrice);
            }

            var seen = await InspectAsync(reservationId, line, cancellationToken);
            if (seen is not LineTake.Enough enough)
            {
                return seen;
            }

            if (attempt == MaxTakeAttempts)
            {
                return new LineTake.Short(enough.Available);
            }
        }
    }

    /// <summary>Why a line could not be taken, read without writing: held already, unknown, short, or enough after all.</summary>
    private async Task<LineTake> InspectAsync(string reservationId, RequestedLine line, CancellationToken cancellationToken)
    {
        var heldByThis = await _products.Find(ProductWhere.Eq(p => p.Id, line.ProductId) & ProductWhere.Eq(ProductDocument.HoldReservationIdPath, reservationId))
            .Project<ProductDocument>(WithoutBookkeeping)
            .FirstOrDefaultAsync(cancellationToken);
        if (heldByThis is not null)
        {
            return new LineTake.Held(heldByThis.ToProduct().UnitPrice);
        }

        var product = await _products.Find(ProductWhere.Eq(p => p.Id, line.ProductId))
            .Project<ProductDocument>(WithoutBookkeeping)
            .FirstOrDefaultAsync(cancellationToken);
        if (product is null)
        {
            return new LineTake.Unknown();
        }

        return product.Available >= line.Quantity ? new LineTake.Enough(product.Available) : new LineTake.Short(product.Available);
    }

    private async Task<StockResult<ReserveOutcome>> RejectAsync(
        string reservationId, IReadOnlyList<StockShortage> shortages, IReadOnlyList<string> unknown, CancellationToken cancellationToken)
    {
        // Rejected before the holds are undone: a concurrent replay can then no longer confirm what is being given back.
        var reject = ReservationUpdate
            .Set(r => r.Status, StoredStatus.Rejected)
            .Set(r => r.Shortages, [.. shortages.Select(ShortageDocument.From)])
            .Set(r => r.UnknownProductIds, [.. unknown]);
        var stored = await TransitionAsync(reservationId, [StoredStatus.Pending], reject, cancellationToken)
            ?? throw new InvalidOperationException($"Reservation {reservationId} vanished while being rejected.");
        if (stored.ParsedStatus == ReservationStatus.Rejected)
        {
            _logger.LogInformation(
                "Reservation {ReservationId} rejected: {ShortCount} products short, {UnknownCount} unknown",
                reservationId, stored.Shortages.Count, stored.UnknownProductIds.Count);
        }

        return await ReplyAsync(stored, cancellationToken);
    }

    private async Task<StockResult<ReserveOutcome>> ConfirmAsync(
        string reservationId, List<ReservationLineDocument> priced, CancellationToken cancellationToken)
    {
        if (await TryMoveAsync(reservationId, StoredStatus.Pending, Confirming(priced), cancellationToken))
        {
            _logger.LogDebug("Reservation {ReservationId} reserved {LineCount} lines", reservationId, priced.Count);
            return new ReserveOutcome.Reserved([.. priced.Select(line => line.ToReservedLine())]);
        }

        // A concurrent Reserve or Release of this id settled it first: answer with what that one stored.
        var stored = await FindReservationAsync(reservationId, cancellationToken)
            ?? throw new InvalidOperationException($"Reservation {reservationId} vanished while being confirmed.");
        return await ReplyAsync(stored, cancellationToken);
    }

    /// <summary>Brings the holds in line with a settled reservation, then answers with its first outcome.</summary>
    private async Task<StockResult<ReserveOutcome>> ReplyAsync(ReservationDocument stored, CancellationToken cancellationToken)
    {
        await SettleHoldsAsync(stored, cancellationToken);
        return stored.ParsedStatus switch
        {
            ReservationStatus.Reserved or ReservationStatus.Committed or ReservationStatus.Returned => new ReserveOutcome.Reserved(stored.ReservedLines),
            ReservationStatus.Released when stored.IsPriced => new ReserveOutcome.Reserved(stored.ReservedLines),
            ReservationStatus.Released => new StockFailure(
                StockFailureKind.WrongState, $"reservation {stored.Id} was released before its stock was reserved"),
            ReservationStatus.Rejected => new ReserveOutcome.Rejected(
                [.. stored.Shortages.Select(s => s.ToShortage())], stored.UnknownProductIds),
            _ => throw new InvalidOperationException($"Reservation {stored.Id} is still pending after a transition."),
        };
    }

    /// <summary>
    /// Released or rejected: every hold goes back to available stock. Committed: every hold is dropped, its units sold.
    /// Each product is one atomic write matching only while the hold is there, so repeating it changes nothing.
    /// </summary>
    private async Task SettleHoldsAsync(ReservationDocument stored, CancellationToken cancellationToken)
    {
        var givesStockBack = stored.ParsedStatus is ReservationStatus.Released or ReservationStatus.Rejected;
        if (!givesStockBack && stored.ParsedStatus != ReservationStatus.Committed)
        {
            return;
        }

        await SettleHoldsAsync(stored.Id, stored.Lines, givesStockBack, cancellationToken);
    }

    /// <remarks>
    /// All lines go in one unordered bulk write: one round trip whatever the number of lines, each update still atomic
    /// on its own product and still matching only while its hold is there.
    /// </remarks>
    private async Task SettleHoldsAsync(
        string reservationId, IReadOnlyList<ReservationLineDocument> lines, bool givesStockBack, CancellationToken cancellationToken)
    {
        if (lines.Count == 0)
        {
            return;
        }

        var dropHold = ProductUpdate.PullFilter(p => p.Holds, h => h.ReservationId == reservationId);
        var settles = lines.Select(line => new UpdateOneModel<ProductDocument>(
            ProductWhere.Eq(p => p.Id, line.ProductId) & ProductWhere.Eq(ProductDocument.HoldReservationIdPath, reservationId),
            givesStockBack ? ProductUpdate.Combine(dropHold, ProductUpdate.Inc(p => p.Available, line.Quantity)) : dropHold));
        await _products.BulkWriteAsync(settles, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
    }

    /// <summary>Moves the reservation from one of <paramref name="from"/> in one conditional write; returns it as stored afterwards.</summary>
    private async Task<ReservationDocument?> TransitionAsync(
        string reservationId, string[] from, UpdateDefinition<ReservationDocument> update, CancellationToken cancellationToken)
    {
        var moved = await _reservations.FindOneAndUpdateAsync(
            InStatus(reservationId, from),
            ReservationUpdate.Combine(update, ReservationUpdate.Set(ReservationDocument.UpdatedAtElement, Now)),
            new FindOneAndUpdateOptions<ReservationDocument> { ReturnDocument = ReturnDocument.After },
            cancellationToken);
        return moved ?? await FindReservationAsync(reservationId, cancellationToken);
    }

    /// <summary>
    /// Moves the reservation from <paramref name="from"/> in one conditional write that sends no document back, for the
    /// hot path, where the caller knows what it wrote; false when the reservation was elsewhere (or absent).
    /// </summary>
    private async Task<bool> TryMoveAsync(
        string reservationId, string from, UpdateDefinition<ReservationDocument> update, CancellationToken cancellationToken)
    {
        var moved = await _reservations.UpdateOneAsync(
            InStatus(reservationId, [from]),
            ReservationUpdate.Combine(update, ReservationUpdate.Set(ReservationDocument.UpdatedAtElement, Now)),
            cancellationToken: cancellationToken);
        return moved.MatchedCount == 1;
    }

    // The writes of every order (take, confirm, commit) are built from element names: a definition built from a lambda is
    // translated on every call, which cost about a tenth of this host's CPU under load. Internal for the micro-benchmark.

    /// <summary>The product while it has the units and no hold of this reservation.</summary>
    internal static FilterDefinition<ProductDocument> Takeable(string reservationId, RequestedLine line) =>
        ProductWhere.Eq(ProductDocument.IdElement, line.ProductId)
        & ProductWhere.Gte(ProductDocument.AvailableElement, line.Quantity)
        & ProductWhere.Ne(ProductDocument.HoldReservationIdPath, reservationId);

    /// <summary>The units leave available stock into a hold of this reservation.</summary>
    internal static UpdateDefinition<ProductDocument> Take(string reservationId, RequestedLine line) =>
        ProductUpdate
            .Inc(ProductDocument.AvailableElement, -line.Quantity)
            .Push(ProductDocument.HoldsElement, new StockHold { ReservationId = reservationId, Quantity = line.Quantity });

    /// <summary>The reservation while its status is one of <paramref name="statuses"/>.</summary>
    internal static FilterDefinition<ReservationDocument> InStatus(string reservationId, string[] statuses) =>
        ReservationWhere.Eq(ReservationDocument.IdElement, reservationId) & ReservationWhere.In(ReservationDocument.StatusElement, statuses);

    /// <summary>Reserved, with the prices its lines were taken at.</summary>
    internal static UpdateDefinition<ReservationDocument> Confirming(List<ReservationLineDocument> priced) =>
        ReservationUpdate.Set(ReservationDocument.StatusElement, StoredStatus.Reserved).Set(ReservationDocument.LinesElement, priced);

    internal static UpdateDefinition<ReservationDocument> Committing => ReservationUpdate.Set(ReservationDocument.StatusElement, StoredStatus.Committed);

    private async Task<ReservationDocument?> FindReservationAsync(string reservationId, CancellationToken cancellationToken) =>
        await _reservations.Find(ReservationWhere.Eq(r => r.Id, reservationId)).FirstOrDefaultAsync(cancellationToken);

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    private abstract record LineTake
    {
        public sealed record Held(Price UnitPrice) : LineTake;

        public sealed record Enough(int Available) : LineTake;

        public sealed record Short(int Available) : LineTake;

        public sealed record Unknown : LineTake;
    }
}
