using MongoDB.Bson;
using MongoDB.Driver;
using Orders.InventoryHost.Stock.Storage;

namespace Orders.InventoryHost.Stock;

/// <summary>
/// A reservation's writes to products: its lines taken into holds, the holds released to available stock or dropped
/// once committed, and a committed reservation's units returned. Each write is atomic on its product and matches only
/// while there is something to do, so any of them can be repeated after a crash without counting a unit twice.
/// </summary>
internal sealed class ProductHolds(IMongoDatabase database)
{
    /// <summary>A take that fails although the product shows enough stock raced a release; try again this often.</summary>
    private const int MaxTakeAttempts = 3;

    private static readonly FindOneAndUpdateOptions<ProductDocument> TakeOptions =
        new() { ReturnDocument = ReturnDocument.After, Projection = ProductWrites.WithoutBookkeeping };

    private static readonly BulkWriteOptions Unordered = new() { IsOrdered = false };

    private readonly IMongoCollection<ProductDocument> _products = StockCollections.ProductsOf(database);

    /// <summary>
    /// Takes every line into a hold of this reservation marked with a new token, each priced as its stock is taken; a line
    /// some call already holds for this reservation counts as held. Once one line is short or unknown, the rest are only
    /// looked at, so every reason is named; what was taken is then the caller's to release.
    /// </summary>
    public async Task<TakenLines> TakeAllAsync(string reservationId, IReadOnlyList<RequestedLine> requested, CancellationToken cancellationToken)
    {
        var token = ObjectId.GenerateNewId().ToString();
        var priced = new List<ReservationLineDocument>(requested.Count);
        var taken = new List<RequestedLine>(requested.Count);
        var shortages = new List<StockShortage>();
        var unknown = new List<string>();
        var clashed = false;
        foreach (var line in requested)
        {
            var rejecting = shortages.Count > 0 || unknown.Count > 0;
            var take = rejecting
                ? await InspectAsync(reservationId, line, cancellationToken)
                : await TakeAsync(reservationId, token, line, cancellationToken);
            switch (take)
            {
                case LineTake.Held held:
                    priced.Add(ReservationLineDocument.Priced(line, held.UnitPrice, held.Token));
                    if (held.Token == token)
                    {
                        taken.Add(line);
                    }

                    break;
                case LineTake.Short shortOf:
                    shortages.Add(new StockShortage(line.ProductId, line.Quantity, shortOf.Available));
                    break;
                case LineTake.Unknown:
                    unknown.Add(line.ProductId);
                    break;
                case LineTake.Clash:
                    clashed = true;
                    break;
            }

            if (clashed)
            {
                // The answer is a conflict whatever the other lines hold: they are not read.
                break;
            }
        }

        return new TakenLines(token, priced, taken, shortages, unknown, clashed);
    }

    /// <summary>Each line's hold goes back to available stock (the reservation was released or rejected).</summary>
    public Task ReleaseAsync(string reservationId, IReadOnlyList<ReservationLineDocument> lines, CancellationToken cancellationToken) =>
        WriteEachAsync(lines, line => Release(reservationId, new HeldUnits(line.ProductId, line.Quantity, line.HoldToken)), cancellationToken);

    /// <summary>
    /// Each line's hold is dropped and its units stay taken (the reservation was committed): the hold the line counts on,
    /// never one a later call of the same id took, which is that call's to give back.
    /// </summary>
    public Task DropAsync(string reservationId, IReadOnlyList<ReservationLineDocument> lines, CancellationToken cancellationToken) =>
        WriteEachAsync(lines, line => new UpdateOneModel<ProductDocument>(
            ProductWrites.HeldAs(line.ProductId, reservationId, line.HoldToken), ProductWrites.DropHoldAs(reservationId, line.HoldToken)), cancellationToken);

    /// <summary>The holds this call took go back to available stock, unless the reservation stored first counts on them.</summary>
    public Task ReleaseTakenAsync(TakenLines taken, ReservationDocument stored, CancellationToken cancellationToken)
    {
        var counted = stored.Lines.Where(l => l.HoldToken == taken.Token).Select(l => l.ProductId).ToHashSet(StringComparer.Ordinal);
        var uncounted = taken.Taken.Where(line => !counted.Contains(line.ProductId)).ToList();
        return WriteEachAsync(
            uncounted, line => Release(stored.Id, new HeldUnits(line.ProductId, line.Quantity, taken.Token)), cancellationToken);
    }

    /// <summary>
    /// Releases every hold of this reservation id on any product, each by its own quantity: for an id released before any
    /// reservation of it was stored, whose Reserve may have died after taking stock. Returns how many.
    /// </summary>
    public async Task<int> ReleaseWhereverHeldAsync(string reservationId, CancellationToken cancellationToken)
    {
        var holding = await _products.Find(ProductWrites.HoldingFor(reservationId))
            .Project<ProductDocument>(ProductWrites.HoldsOnly)
            .ToListAsync(cancellationToken);
        var holds = holding
            .SelectMany(product => product.Holds
                .Where(hold => hold.ReservationId == reservationId)
                .Select(hold => new HeldUnits(product.Id, hold.Quantity, hold.Token)))
            .ToList();
        await WriteEachAsync(holds, hold => Release(reservationId, hold), cancellationToken);
        return holds.Count;
    }

    /// <summary>Each line's units come back to available stock, once per product (the sale was cancelled).</summary>
    public Task ReturnAsync(string reservationId, IReadOnlyList<ReservationLineDocument> lines, CancellationToken cancellationToken) =>
        WriteEachAsync(lines, line => new UpdateOneModel<ProductDocument>(
            ProductWrites.NotReturnedTo(line.ProductId, reservationId), ProductWrites.ReturnUnits(reservationId, line.Quantity)), cancellationToken);

    /// <summary>Takes the line's units for this reservation in one atomic write; never twice, never below zero.</summary>
    private async Task<LineTake> TakeAsync(string reservationId, string token, RequestedLine line, CancellationToken cancellationToken)
    {
        var takeable = ProductWrites.Takeable(reservationId, line);
        var take = ProductWrites.Take(reservationId, token, line);
        for (var attempt = 1; ; attempt++)
        {
            var taken = await _products.FindOneAndUpdateAsync(takeable, take, TakeOptions, cancellationToken);
            if (taken is not null)
            {
                return new LineTake.Held(taken.ToProduct().UnitPrice, token);
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
        var heldByThis = await _products.Find(ProductWrites.HeldBy(line.ProductId, reservationId))
            .Project<ProductDocument>(ProductWrites.WithHolds)
            .FirstOrDefaultAsync(cancellationToken);
        if (heldByThis is not null)
        {
            var hold = heldByThis.Holds.First(h => h.ReservationId == reservationId);
            return hold.Quantity == line.Quantity ? new LineTake.Held(heldByThis.ToProduct().UnitPrice, hold.Token) : new LineTake.Clash();
        }

        var product = await _products.Find(ProductWrites.ById(line.ProductId))
            .Project<ProductDocument>(ProductWrites.WithoutBookkeeping)
            .FirstOrDefaultAsync(cancellationToken);
        if (product is null)
        {
            return new LineTake.Unknown();
        }

        return product.Available >= line.Quantity ? new LineTake.Enough(product.Available) : new LineTake.Short(product.Available);
    }

    /// <summary>A hold goes back to available stock: the one its token names, or on a hold older than tokens the id's.</summary>
    private static UpdateOneModel<ProductDocument> Release(string reservationId, HeldUnits hold) => new(
        ProductWrites.HeldAs(hold.ProductId, reservationId, hold.Token), ProductWrites.ReleaseHoldAs(reservationId, hold.Token, hold.Quantity));

    /// <summary>One unordered bulk write: one round trip whatever the number of lines, each update still atomic on its product.</summary>
    private async Task WriteEachAsync<TLine>(
        IReadOnlyList<TLine> lines,
        Func<TLine, UpdateOneModel<ProductDocument>> write,
        CancellationToken cancellationToken)
    {
        if (lines.Count > 0)
        {
            await _products.BulkWriteAsync(lines.Select(write), Unordered, cancellationToken);
        }
    }

    private sealed record HeldUnits(string ProductId, int Quantity, string? Token);

    private abstract record LineTake
    {
        /// <summary>Held for the reservation, by the hold with this token (null on a hold older than tokens).</summary>
        public sealed record Held(Price UnitPrice, string? Token) : LineTake;

        public sealed record Enough(int Available) : LineTake;

        public sealed record Short(int Available) : LineTake;

        public sealed record Unknown : LineTake;

        /// <summary>Another call of this reservation id holds the product for another quantity.</summary>
        public sealed record Clash : LineTake;
    }
}
