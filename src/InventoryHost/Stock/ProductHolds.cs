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
    /// Takes every line into a hold of this reservation, each priced as its stock is taken. Once one line is short or
    /// unknown, the rest are only looked at, so every reason is named; what was taken is then the caller's to release.
    /// </summary>
    public async Task<TakenLines> TakeAllAsync(string reservationId, IReadOnlyList<RequestedLine> requested, CancellationToken cancellationToken)
    {
        var priced = new List<ReservationLineDocument>(requested.Count);
        var shortages = new List<StockShortage>();
        var unknown = new List<string>();
        foreach (var line in requested)
        {
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

        return new TakenLines(priced, shortages, unknown);
    }

    /// <summary>Each line's hold goes back to available stock (the reservation was released or rejected).</summary>
    public Task ReleaseAsync(string reservationId, IReadOnlyList<ReservationLineDocument> lines, CancellationToken cancellationToken) =>
        WriteEachAsync(lines, line => new UpdateOneModel<ProductDocument>(
            ProductWrites.HeldBy(line.ProductId, reservationId), ProductWrites.ReleaseHold(reservationId, line.Quantity)), cancellationToken);

    /// <summary>Each line's hold is dropped and its units stay taken (the reservation was committed).</summary>
    public Task DropAsync(string reservationId, IReadOnlyList<ReservationLineDocument> lines, CancellationToken cancellationToken) =>
        WriteEachAsync(lines, line => new UpdateOneModel<ProductDocument>(
            ProductWrites.HeldBy(line.ProductId, reservationId), ProductWrites.DropHold(reservationId)), cancellationToken);

    /// <summary>Each line's units come back to available stock, once per product (the sale was cancelled).</summary>
    public Task ReturnAsync(string reservationId, IReadOnlyList<ReservationLineDocument> lines, CancellationToken cancellationToken) =>
        WriteEachAsync(lines, line => new UpdateOneModel<ProductDocument>(
            ProductWrites.NotReturnedTo(line.ProductId, reservationId), ProductWrites.ReturnUnits(reservationId, line.Quantity)), cancellationToken);

    /// <summary>Takes the line's units for this reservation in one atomic write; never twice, never below zero.</summary>
    private async Task<LineTake> TakeAsync(string reservationId, RequestedLine line, CancellationToken cancellationToken)
    {
        var takeable = ProductWrites.Takeable(reservationId, line);
        var take = ProductWrites.Take(reservationId, line);
        for (var attempt = 1; ; attempt++)
        {
            var taken = await _products.FindOneAndUpdateAsync(takeable, take, TakeOptions, cancellationToken);
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
        var heldByThis = await _products.Find(ProductWrites.HeldBy(line.ProductId, reservationId))
            .Project<ProductDocument>(ProductWrites.WithoutBookkeeping)
            .FirstOrDefaultAsync(cancellationToken);
        if (heldByThis is not null)
        {
            return new LineTake.Held(heldByThis.ToProduct().UnitPrice);
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

    /// <summary>One unordered bulk write: one round trip whatever the number of lines, each update still atomic on its product.</summary>
    private async Task WriteEachAsync(
        IReadOnlyList<ReservationLineDocument> lines,
        Func<ReservationLineDocument, UpdateOneModel<ProductDocument>> write,
        CancellationToken cancellationToken)
    {
        if (lines.Count > 0)
        {
            await _products.BulkWriteAsync(lines.Select(write), Unordered, cancellationToken);
        }
    }

    private abstract record LineTake
    {
        public sealed record Held(Price UnitPrice) : LineTake;

        public sealed record Enough(int Available) : LineTake;

        public sealed record Short(int Available) : LineTake;

        public sealed record Unknown : LineTake;
    }
}
