using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using Orders.InventoryHost.Stock;
using Orders.InventoryHost.Stock.Storage;

namespace Orders.MicroBenchmarks;

/// <summary>
/// The MongoDB writes every order makes in the inventory host (take a line; confirm or commit a reservation), rendered
/// to BSON as the driver does before each send: built from element names, as ProductWrites and ReservationWrites build
/// them, against the same definitions built from lambda expressions (the baseline), which the driver translates on every
/// call.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class LedgerCommandBenchmarks
{
    private const string TakeCategory = "take a line";
    private const string CommitCategory = "commit";

    private static readonly RenderArgs<ProductDocument> ProductArgs = new(BsonSerializer.LookupSerializer<ProductDocument>(), BsonSerializer.SerializerRegistry);
    private static readonly RenderArgs<ReservationDocument> ReservationArgs = new(BsonSerializer.LookupSerializer<ReservationDocument>(), BsonSerializer.SerializerRegistry);

    private readonly string _reservationId = Guid.CreateVersion7(OrderSamples.PlacedAt).ToString();
    private readonly string _token = ObjectId.GenerateNewId().ToString();
    private readonly RequestedLine _line = new(OrderSamples.ProductId(0), OrderSamples.Quantity);

    private List<ReservationLineDocument> PricedLines() => [ReservationLineDocument.Priced(_line, new Price(OrderSamples.UnitPrice, OrderSamples.Currency), _token)];

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(TakeCategory)]
    public (BsonDocument Filter, BsonValue Update) TakeFromExpressions()
    {
        var filter = Builders<ProductDocument>.Filter.Eq(p => p.Id, _line.ProductId)
            & Builders<ProductDocument>.Filter.Gte(p => p.Available, _line.Quantity)
            & Builders<ProductDocument>.Filter.Ne(ProductDocument.HoldReservationIdPath, _reservationId);
        var update = Builders<ProductDocument>.Update
            .Inc(p => p.Available, -_line.Quantity)
            .Push(p => p.Holds, new StockHold { ReservationId = _reservationId, Quantity = _line.Quantity, Token = _token });
        return (filter.Render(ProductArgs), update.Render(ProductArgs));
    }

    [Benchmark]
    [BenchmarkCategory(TakeCategory)]
    public (BsonDocument Filter, BsonValue Update) TakeFromNames() =>
        (ProductWrites.Takeable(_reservationId, _line).Render(ProductArgs), ProductWrites.Take(_reservationId, _token, _line).Render(ProductArgs));

    /// <summary>Not measured: what the equivalence test holds the confirm's update to (decimal prices stored as Decimal128).</summary>
    public BsonValue ConfirmFromExpressions() =>
        Builders<ReservationDocument>.Update.Set(r => r.Status, ReservationStatus.Reserved).Set(r => r.Lines, PricedLines()).Render(ReservationArgs);

    public BsonValue ConfirmFromNames() => ReservationWrites.Confirming(PricedLines()).Render(ReservationArgs);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(CommitCategory)]
    public (BsonDocument Filter, BsonValue Update) CommitFromExpressions()
    {
        var filter = Builders<ReservationDocument>.Filter.Eq(r => r.Id, _reservationId)
            & Builders<ReservationDocument>.Filter.In(r => r.Status, [ReservationStatus.Reserved]);
        var update = Builders<ReservationDocument>.Update.Set(r => r.Status, ReservationStatus.Committed);
        return (filter.Render(ReservationArgs), update.Render(ReservationArgs));
    }

    [Benchmark]
    [BenchmarkCategory(CommitCategory)]
    public (BsonDocument Filter, BsonValue Update) CommitFromNames() =>
        (ReservationWrites.InStatus(_reservationId, [ReservationStatus.Reserved]).Render(ReservationArgs),
            ReservationWrites.Committing.Render(ReservationArgs));
}
