using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using Orders.InventoryHost.Stock;
using Orders.InventoryHost.Stock.Storage;

namespace Orders.InventoryHost.Tests.Stock;

/// <summary>
/// The ledger builds its filters and updates from element names (a lambda is translated on every call). A misspelt
/// name, or a value written without its member's serializer, would still compile: so each definition is held to the
/// lambda-built one it stands for, or to the document MongoDB must receive, rendered as the driver sends it.
/// </summary>
public sealed class WriteDefinitionTests
{
    private const string R1 = "r1";
    private const string P1 = "p1";
    private const string Token = "t1";
    private const int Three = 3;

    private static readonly RenderArgs<ProductDocument> ProductArgs =
        new(BsonSerializer.LookupSerializer<ProductDocument>(), BsonSerializer.SerializerRegistry);

    private static readonly RenderArgs<ReservationDocument> ReservationArgs =
        new(BsonSerializer.LookupSerializer<ReservationDocument>(), BsonSerializer.SerializerRegistry);

    private static readonly FilterDefinitionBuilder<ProductDocument> ProductWhere = Builders<ProductDocument>.Filter;
    private static readonly UpdateDefinitionBuilder<ProductDocument> ProductUpdate = Builders<ProductDocument>.Update;
    private static readonly FilterDefinitionBuilder<ReservationDocument> ReservationWhere = Builders<ReservationDocument>.Filter;
    private static readonly UpdateDefinitionBuilder<ReservationDocument> ReservationUpdate = Builders<ReservationDocument>.Update;

    private static readonly RequestedLine Line = new(P1, Three);
    private static readonly ProductListing Listing = new(P1, "Cup", new Price(34.90m, "EUR"), 12);
    private static readonly DateTime Now = new(2026, 12, 4, 20, 0, 0, DateTimeKind.Utc);

    public static IEnumerable<TestCaseData> ProductDefinitions()
    {
        yield return Case("product by id", ProductWrites.ById(P1), ProductWhere.Eq(p => p.Id, P1));
        yield return Case("products by ids", ProductWrites.ByIds([P1, "p2"]), ProductWhere.In(p => p.Id, [P1, "p2"]));
        yield return Case("takeable", ProductWrites.Takeable(R1, Line), "{ _id: 'p1', available: { $gte: 3 }, 'holds.reservation_id': { $ne: 'r1' } }");
        yield return Case(
            "take",
            ProductWrites.Take(R1, Token, Line),
            ProductUpdate.Inc(p => p.Available, -Three).Push(p => p.Holds, new StockHold { ReservationId = R1, Quantity = Three, Token = Token }));
        yield return Case("holding for", ProductWrites.HoldingFor(R1), ProductWhere.AnyEq(p => p.Holds.Select(h => h.ReservationId), R1));
        yield return Case("held with", ProductWrites.HeldWith(P1, Token), "{ _id: 'p1', 'holds.token': 't1' }");
        yield return Case("held as, by token", ProductWrites.HeldAs(P1, R1, Token), "{ _id: 'p1', 'holds.token': 't1' }");
        yield return Case("held as, older than tokens", ProductWrites.HeldAs(P1, R1, null), "{ _id: 'p1', 'holds.reservation_id': 'r1' }");
        yield return Case("drop as, by token", ProductWrites.DropHoldAs(R1, Token), ProductWrites.DropHoldsWith([Token]));
        yield return Case("drop as, older than tokens", ProductWrites.DropHoldAs(R1, null), ProductWrites.DropHold(R1));
        yield return Case("release as, by token", ProductWrites.ReleaseHoldAs(R1, Token, Three), ProductWrites.ReleaseHoldWith(Token, Three));
        yield return Case("release as, older than tokens", ProductWrites.ReleaseHoldAs(R1, null, Three), ProductWrites.ReleaseHold(R1, Three));
        yield return Case("held with any", ProductWrites.HeldWithAny(P1, [Token, "t2"]), "{ _id: 'p1', 'holds.token': { $in: ['t1', 't2'] } }");
        yield return Case(
            "release the hold a token took",
            ProductWrites.ReleaseHoldWith(Token, Three),
            ProductUpdate.Combine(
                ProductUpdate.PullFilter(p => p.Holds, Builders<StockHold>.Filter.In(h => h.Token, [Token])), ProductUpdate.Inc(p => p.Available, Three)));
        yield return Case(
            "drop the holds tokens took",
            ProductWrites.DropHoldsWith([Token, "t2"]),
            ProductUpdate.PullFilter(p => p.Holds, Builders<StockHold>.Filter.In(h => h.Token, [Token, "t2"])));
        yield return Case("held by", ProductWrites.HeldBy(P1, R1), "{ _id: 'p1', 'holds.reservation_id': 'r1' }");
        yield return Case("held by any", ProductWrites.HeldByAny(P1, [R1, "r2"]), "{ _id: 'p1', 'holds.reservation_id': { $in: ['r1', 'r2'] } }");
        yield return Case(
            "release a hold",
            ProductWrites.ReleaseHold(R1, Three),
            ProductUpdate.Combine(ProductUpdate.PullFilter(p => p.Holds, h => h.ReservationId == R1), ProductUpdate.Inc(p => p.Available, Three)));
        yield return Case("drop a hold", ProductWrites.DropHold(R1), ProductUpdate.PullFilter(p => p.Holds, h => h.ReservationId == R1));
        yield return Case(
            "drop holds",
            ProductWrites.DropHolds([R1, "r2"]),
            ProductUpdate.PullFilter(p => p.Holds, Builders<StockHold>.Filter.In(h => h.ReservationId, [R1, "r2"])));
        yield return Case(
            "not returned to",
            ProductWrites.NotReturnedTo(P1, R1),
            ProductWhere.Eq(p => p.Id, P1) & ProductWhere.AnyNe(p => p.ReturnedReservationIds, R1));
        yield return Case(
            "return units",
            ProductWrites.ReturnUnits(R1, Three),
            ProductUpdate.Inc(p => p.Available, Three).Push(p => p.ReturnedReservationIds, R1));
        yield return Case(
            "list",
            ProductWrites.List(Listing),
            ProductUpdate
                .Set(p => p.Name, Listing.Name)
                .Set(p => p.UnitPrice, Listing.UnitPrice.Amount)
                .Set(p => p.Currency, Listing.UnitPrice.Currency)
                .SetOnInsert(p => p.Available, Listing.InitialStock)
                .SetOnInsert(p => p.Holds, []));
        yield return Case("set stock", ProductWrites.SetStock(Three), ProductUpdate.Set(p => p.Available, Three));
        yield return Case("having holds", ProductWrites.HavingHolds, "{ 'holds.0': { $exists: true } }");
        yield return new TestCaseData(
            ProductWrites.WithHolds.Render(ProductArgs),
            Builders<ProductDocument>.Projection.Exclude(p => p.ReturnedReservationIds).Render(ProductArgs)).SetArgDisplayNames("with holds");
        yield return new TestCaseData(
            ProductWrites.HoldsOnly.Render(ProductArgs),
            Builders<ProductDocument>.Projection.Include(p => p.Holds).Render(ProductArgs)).SetArgDisplayNames("holds only");
        yield return new TestCaseData(
            ProductWrites.ByIdAscending.Render(ProductArgs),
            Builders<ProductDocument>.Sort.Ascending(p => p.Id).Render(ProductArgs)).SetArgDisplayNames("by id ascending");
    }

    public static IEnumerable<TestCaseData> ReservationDefinitions()
    {
        List<ReservationLineDocument> priced = [ReservationLineDocument.Priced(Line, Listing.UnitPrice, Token)];
        yield return Case("reservation by id", ReservationWrites.ById(R1), ReservationWhere.Eq(r => r.Id, R1));
        yield return Case(
            "in status",
            ReservationWrites.InStatus(R1, [ReservationStatus.Pending, ReservationStatus.Reserved]),
            ReservationWhere.Eq(r => r.Id, R1) & ReservationWhere.In(r => r.Status, [ReservationStatus.Pending, ReservationStatus.Reserved]));
        yield return Case(
            "in status, as stored",
            ReservationWrites.InStatus(R1, [ReservationStatus.Pending, ReservationStatus.Reserved]),
            "{ _id: 'r1', status: { $in: ['pending', 'reserved'] } }");
        yield return Case(
            "committed among",
            ReservationWrites.CommittedAmong([R1, "r2"]),
            ReservationWhere.In(r => r.Id, [R1, "r2"]) & ReservationWhere.In(r => r.Status, [ReservationStatus.Committed, ReservationStatus.Returned]));
        yield return Case(
            "confirming",
            ReservationWrites.Confirming(priced),
            ReservationUpdate.Set(r => r.Status, ReservationStatus.Reserved).Set(r => r.Lines, priced));
        yield return Case(
            "rejecting",
            ReservationWrites.Rejecting([new StockShortage(P1, Three, 1)], ["p9"]),
            ReservationUpdate
                .Set(r => r.Status, ReservationStatus.Rejected)
                .Set(r => r.Shortages, [ShortageDocument.From(new StockShortage(P1, Three, 1))])
                .Set(r => r.UnknownProductIds, ["p9"]));
        yield return Case("committing", ReservationWrites.Committing, ReservationUpdate.Set(r => r.Status, ReservationStatus.Committed));
        yield return Case("committing, as stored", ReservationWrites.Committing, "{ $set: { status: 'committed' } }");
        yield return Case("releasing", ReservationWrites.Releasing, ReservationUpdate.Set(r => r.Status, ReservationStatus.Released));
        yield return Case("returning", ReservationWrites.Returning, ReservationUpdate.Set(r => r.Status, ReservationStatus.Returned));
        yield return Case(
            "stamped",
            ReservationWrites.Stamped(ReservationWrites.Committing, Now),
            ReservationUpdate.Set(r => r.Status, ReservationStatus.Committed).Set(r => r.UpdatedAt, Now));
    }

    [TestCaseSource(nameof(ProductDefinitions))]
    [TestCaseSource(nameof(ReservationDefinitions))]
    public void A_definition_built_from_element_names_renders_as_expected(BsonValue byNames, BsonValue expected) =>
        Assert.That(byNames, Is.EqualTo(expected), () => $"built from names: {byNames.ToJson()}, expected: {expected.ToJson()}");

    private static TestCaseData Case(string name, FilterDefinition<ProductDocument> byNames, FilterDefinition<ProductDocument> byLambdas) =>
        new TestCaseData(byNames.Render(ProductArgs), byLambdas.Render(ProductArgs)).SetArgDisplayNames(name);

    private static TestCaseData Case(string name, FilterDefinition<ProductDocument> byNames, string expected) =>
        new TestCaseData(byNames.Render(ProductArgs), BsonDocument.Parse(expected)).SetArgDisplayNames(name);

    private static TestCaseData Case(string name, UpdateDefinition<ProductDocument> byNames, UpdateDefinition<ProductDocument> byLambdas) =>
        new TestCaseData(byNames.Render(ProductArgs), byLambdas.Render(ProductArgs)).SetArgDisplayNames(name);

    private static TestCaseData Case(string name, FilterDefinition<ReservationDocument> byNames, FilterDefinition<ReservationDocument> byLambdas) =>
        new TestCaseData(byNames.Render(ReservationArgs), byLambdas.Render(ReservationArgs)).SetArgDisplayNames(name);

    private static TestCaseData Case(string name, FilterDefinition<ReservationDocument> byNames, string expected) =>
        new TestCaseData(byNames.Render(ReservationArgs), BsonDocument.Parse(expected)).SetArgDisplayNames(name);

    private static TestCaseData Case(string name, UpdateDefinition<ReservationDocument> byNames, UpdateDefinition<ReservationDocument> byLambdas) =>
        new TestCaseData(byNames.Render(ReservationArgs), byLambdas.Render(ReservationArgs)).SetArgDisplayNames(name);

    private static TestCaseData Case(string name, UpdateDefinition<ReservationDocument> byNames, string expected) =>
        new TestCaseData(byNames.Render(ReservationArgs), BsonDocument.Parse(expected)).SetArgDisplayNames(name);
}
