using System.Collections.Concurrent;
using MongoDB.Driver;
using Orders.InventoryHost.Stock.Storage;

namespace Orders.InventoryHost.Stock;

/// <summary>
/// The holds of committed reservations, waiting to be dropped. A committed hold changes no count: its units left available
/// stock when they were taken, and the reservation's status says they are sold. So a commit only flips the status, and
/// <see cref="CommittedHoldSweep"/> drops the holds of all recent commits in one write, not one write per commit.
/// </summary>
public sealed class CommittedHolds
{
    private readonly ConcurrentQueue<CommittedHold> _waiting = new();
    private readonly IMongoCollection<ProductDocument> _products;
    private readonly IMongoCollection<ReservationDocument> _reservations;

    public CommittedHolds(IMongoDatabase database)
    {
        _products = StockCollections.ProductsOf(database);
        _reservations = StockCollections.ReservationsOf(database);
    }

    /// <summary>Holds waiting to be dropped.</summary>
    public int Waiting => _waiting.Count;

    /// <summary>Queues the holds of a reservation that is committed (only then: a hold of an uncommitted one is stock).</summary>
    internal void Add(string reservationId, IEnumerable<ReservationLineDocument> lines)
    {
        foreach (var line in lines)
        {
            _waiting.Enqueue(new CommittedHold(line.ProductId, reservationId, line.HoldToken));
        }
    }

    /// <summary>
    /// Drops every hold queued so far: one unordered bulk write, one update per product. Returns how many were queued.
    /// When the write fails they are queued again, for the next sweep.
    /// </summary>
    public async Task<int> DropAsync(CancellationToken cancellationToken)
    {
        var committed = new List<CommittedHold>();
        while (_waiting.TryDequeue(out var hold))
        {
            committed.Add(hold);
        }

        try
        {
            await DropAsync(committed, cancellationToken);
            return committed.Count;
        }
        catch
        {
            committed.ForEach(_waiting.Enqueue);
            throw;
        }
    }

    /// <summary>
    /// Drops the committed holds that no queue remembers: those of commits whose host stopped before its sweep. Returns how
    /// many it dropped. Reads the products that have holds, then which of their reservations are committed or returned,
    /// and drops the holds those count on.
    /// </summary>
    public async Task<int> DropLeftoversAsync(CancellationToken cancellationToken)
    {
        var held = await _products.Find(ProductWrites.HavingHolds)
            .Project<ProductDocument>(ProductWrites.HoldsOnly)
            .ToListAsync(cancellationToken);
        var holds = held.SelectMany(p => p.Holds.Select(h => new CommittedHold(p.Id, h.ReservationId, h.Token))).ToList();
        if (holds.Count == 0)
        {
            return 0;
        }

        var committed = await _reservations
            .Find(ReservationWrites.CommittedAmong(holds.Select(h => h.ReservationId).Distinct()))
            .ToListAsync(cancellationToken);
        var counted = committed
            .SelectMany(r => r.Lines.Select(line => new CommittedHold(line.ProductId, r.Id, line.HoldToken)))
            .ToHashSet();
        var leftovers = holds.Where(counted.Contains).ToList();
        await DropAsync(leftovers, cancellationToken);
        return leftovers.Count;
    }

    private async Task DropAsync(IReadOnlyCollection<CommittedHold> committed, CancellationToken cancellationToken)
    {
        if (committed.Count == 0)
        {
            return;
        }

        // A hold is dropped by the token its line counts on; one older than tokens, by its reservation id.
        var byToken = committed.Where(h => h.Token is not null).GroupBy(h => h.ProductId, h => h.Token!).Select(product =>
            new UpdateOneModel<ProductDocument>(ProductWrites.HeldWithAny(product.Key, product), ProductWrites.DropHoldsWith(product)));
        var byId = committed.Where(h => h.Token is null).GroupBy(h => h.ProductId, h => h.ReservationId).Select(product =>
        {
            var reservationIds = product.Distinct().ToList();
            return new UpdateOneModel<ProductDocument>(ProductWrites.HeldByAny(product.Key, reservationIds), ProductWrites.DropHolds(reservationIds));
        });
        await _products.BulkWriteAsync(byToken.Concat(byId), new BulkWriteOptions { IsOrdered = false }, cancellationToken);
    }

    /// <summary>A committed reservation's hold on a product: the one taken with <see cref="Token"/>, or without one before tokens.</summary>
    private sealed record CommittedHold(string ProductId, string ReservationId, string? Token);
}
