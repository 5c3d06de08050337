using MongoDB.Bson;
using MongoDB.Driver;
using Npgsql;
using NpgsqlTypes;

namespace Orders.Bench;

/// <summary>
/// The storage work of one order and nothing else: no HTTP, no gRPC, no mediator, no EF Core. The order and its lines go
/// into PostgreSQL pending (one batch); each line's stock is taken by a conditional <c>$inc</c> in MongoDB; the
/// reservation is recorded; the order is stored confirmed with its prices (one batch). Same tables and collections as
/// the services use, so the same indexes are paid for.
/// </summary>
internal sealed class RawStorage(NpgsqlDataSource orders, IMongoDatabase inventory)
{
    private static readonly FindOneAndUpdateOptions<BsonDocument> ReturnPrice = new()
    {
        ReturnDocument = ReturnDocument.After,
        Projection = Builders<BsonDocument>.Projection.Include("unit_price").Include("currency"),
    };

    private readonly IMongoCollection<BsonDocument> _products = inventory.GetCollection<BsonDocument>("products");
    private readonly IMongoCollection<BsonDocument> _reservations = inventory.GetCollection<BsonDocument>("reservations");

    /// <summary>The whole order: stored, stock taken, reservation recorded, confirmed.</summary>
    public async Task<Attempt> PlaceAsync(OrderPlan plan)
    {
        var id = Guid.CreateVersion7();
        var now = DateTime.UtcNow;
        await InsertPendingAsync(id, plan, now);

        var taken = new List<(PlannedLine Line, decimal UnitPrice, string Currency)>(plan.Lines.Count);
        foreach (var line in plan.Lines)
        {
            var product = await TakeAsync(line);
            if (product is null)
            {
                foreach (var (held, _, _) in taken)
                {
                    await _products.UpdateOneAsync(Id(held.ProductId), Builders<BsonDocument>.Update.Inc("available", held.Quantity));
                }

                await ExecuteAsync("UPDATE orders SET status = 'rejected', updated_at = $2 WHERE id = $1", id, DateTime.UtcNow);
                return new Attempt("short", Confirmed: false);
            }

            taken.Add((line, product["unit_price"].ToDecimal(), product["currency"].AsString));
        }

        await _reservations.InsertOneAsync(new BsonDocument
        {
            ["_id"] = id.ToString(),
            ["lines"] = new BsonArray(taken.Select(t => new BsonDocument
            {
                ["product_id"] = t.Line.ProductId,
                ["quantity"] = t.Line.Quantity,
                ["unit_price"] = new BsonDecimal128(t.UnitPrice),
                ["currency"] = t.Currency,
            })),
            ["status"] = "committed",
            ["created_at"] = now,
            ["updated_at"] = now,
        });
        await ConfirmAsync(id, taken);
        return new Attempt("confirmed", Confirmed: true);
    }

    /// <summary>Only the conditional <c>$inc</c> of each line: what the MongoDB server alone sustains.</summary>
    public async Task<Attempt> TakeOnlyAsync(OrderPlan plan)
    {
        foreach (var line in plan.Lines)
        {
            if (await TakeAsync(line) is null)
            {
                return new Attempt("short", Confirmed: false);
            }
        }

        return new Attempt("taken", Confirmed: true);
    }

    /// <summary>Only the two PostgreSQL batches: what the orders database alone sustains.</summary>
    public async Task<Attempt> StoreOnlyAsync(OrderPlan plan)
    {
        var id = Guid.CreateVersion7();
        await InsertPendingAsync(id, plan, DateTime.UtcNow);
        await ConfirmAsync(id, [.. plan.Lines.Select(line => (line, 1m, "EUR"))]);
        return new Attempt("stored", Confirmed: false);
    }

    private static FilterDefinition<BsonDocument> Id(string productId) => Builders<BsonDocument>.Filter.Eq("_id", productId);

    private Task<BsonDocument?> TakeAsync(PlannedLine line) =>
        _products.FindOneAndUpdateAsync<BsonDocument?>(
            Id(line.ProductId) & Builders<BsonDocument>.Filter.Gte("available", line.Quantity),
            Builders<BsonDocument>.Update.Inc("available", -line.Quantity),
            ReturnPrice!);

    private async Task InsertPendingAsync(Guid id, OrderPlan plan, DateTime now)
    {
        await using var batch = orders.CreateBatch();
        batch.BatchCommands.Add(Command(
            "INSERT INTO orders (id, user_id, status, created_at, updated_at) VALUES ($1, $2, 'pending', $3, $3)",
            id, plan.UserId, now));
        foreach (var line in plan.Lines)
        {
            batch.BatchCommands.Add(Command("INSERT INTO order_items (order_id, product_id, quantity) VALUES ($1, $2, $3)", id, line.ProductId, line.Quantity));
        }

        await batch.ExecuteNonQueryAsync();
    }

    private async Task ConfirmAsync(Guid id, IReadOnlyList<(PlannedLine Line, decimal UnitPrice, string Currency)> lines)
    {
        await using var batch = orders.CreateBatch();
        batch.BatchCommands.Add(Command(
            "UPDATE orders SET status = 'confirmed', total = $2, currency = $3, updated_at = $4 WHERE id = $1",
            id, lines.Sum(l => l.UnitPrice * l.Line.Quantity), lines[0].Currency, DateTime.UtcNow));
        foreach (var (line, unitPrice, currency) in lines)
        {
            batch.BatchCommands.Add(Command(
                "UPDATE order_items SET unit_price = $3, currency = $4 WHERE order_id = $1 AND product_id = $2", id, line.ProductId, unitPrice, currency));
        }

        await batch.ExecuteNonQueryAsync();
    }

    private async Task ExecuteAsync(string sql, params object[] values)
    {
        await using var batch = orders.CreateBatch();
        batch.BatchCommands.Add(Command(sql, values));
        await batch.ExecuteNonQueryAsync();
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value is DateTime time
                ? new NpgsqlParameter { Value = time, NpgsqlDbType = NpgsqlDbType.TimestampTz }
                : new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
