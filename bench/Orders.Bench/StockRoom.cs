using Grpc.Core;
using Grpc.Net.Client;
using Npgsql;
using Orders.Contracts.Inventory.V1;
using Orders.Contracts.Security;
using ContractMoney = Orders.Contracts.Common.V1.Money;

namespace Orders.Bench;

/// <summary>
/// Lists fresh products for each run through the Inventory's admin gRPC, and afterwards checks that nothing was
/// oversold or lost: per product, the units taken from stock equal the units of the confirmed orders.
/// </summary>
internal sealed class StockRoom(GrpcChannel channel, BenchOptions options, NpgsqlDataSource orders) : IDisposable
{
    private readonly InventoryAdmin.InventoryAdminClient _admin = new(channel);
    private readonly Inventory.InventoryClient _inventory = new(channel);
    private readonly Metadata _key = ServiceCredential.Attach([], options.ServiceKey);

    public static StockRoom Open(BenchOptions options, NpgsqlDataSource orders) =>
        new(GrpcChannel.ForAddress(options.Inventory), options, orders);

    /// <summary>Products no earlier run touched, each with <c>--stock</c> units; their ids start with <paramref name="prefix"/>.</summary>
    public async Task<IReadOnlyList<string>> RestockAsync(string prefix)
    {
        var ids = Enumerable.Range(1, options.Products).Select(i => $"{prefix}-p{i}").ToArray();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            await _admin.UpsertProductAsync(
                new UpsertProductRequest
                {
                    ProductId = id,
                    Name = $"Benchmark product {i + 1}",
                    UnitPrice = ContractMoney.FromDecimal(5m + i, "EUR"),
                    Available = options.Stock,
                },
                _key);
            await _admin.SetStockAsync(new SetStockRequest { ProductId = id, Available = options.Stock }, _key);
        }

        return ids;
    }

    /// <param name="productIds">The run's products.</param>
    /// <param name="sold">Units each product sold, as the clients were told (index as in <paramref name="productIds"/>).</param>
    /// <param name="ordersStored">Whether confirmed orders are in PostgreSQL to count too (not for the MongoDB-only run).</param>
    public async Task<StockCheck> CheckAsync(IReadOnlyList<string> productIds, IReadOnlyList<long> sold, bool ordersStored)
    {
        var reply = await _inventory.GetProductsAsync(new GetProductsRequest { ProductIds = { productIds } }, _key);
        var available = reply.Products.ToDictionary(p => p.ProductId, p => (long)p.Available, StringComparer.Ordinal);
        var stored = ordersStored ? await ConfirmedUnitsAsync(productIds) : null;

        var taken = productIds.Select(id => options.Stock - available.GetValueOrDefault(id, options.Stock)).ToArray();
        var perProductOk = productIds.Select((id, i) => taken[i] == sold[i] && (stored is null || stored.GetValueOrDefault(id) == sold[i])).All(ok => ok);
        return new StockCheck(taken.Sum(), sold.Sum(), stored?.Values.Sum(), perProductOk && available.Count == productIds.Count);
    }

    public void Dispose() => channel.Dispose();

    private async Task<Dictionary<string, long>> ConfirmedUnitsAsync(IReadOnlyList<string> productIds)
    {
        await using var command = orders.CreateCommand("""
            SELECT i.product_id, sum(i.quantity)::bigint
            FROM order_items i JOIN orders o ON o.id = i.order_id
            WHERE o.status = 'confirmed' AND i.product_id = ANY($1)
            GROUP BY i.product_id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = productIds.ToArray() });
        await using var reader = await command.ExecuteReaderAsync();
        var units = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            units[reader.GetString(0)] = reader.GetInt64(1);
        }

        return units;
    }
}

/// <param name="Taken">Units gone from stock.</param>
/// <param name="Answered">Units of the orders the clients were told are confirmed.</param>
/// <param name="Stored">Units of the confirmed orders in PostgreSQL; null when the run stores no orders.</param>
/// <param name="Conserved">Every product agrees on all three counts.</param>
internal sealed record StockCheck(long Taken, long Answered, long? Stored, bool Conserved);
