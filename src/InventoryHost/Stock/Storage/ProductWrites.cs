using MongoDB.Bson;
using MongoDB.Driver;

namespace Orders.InventoryHost.Stock.Storage;

/// <summary>
/// Every filter, update and projection sent to the <c>products</c> collection. Built from element names: a definition
/// built from a lambda is translated on every call, which cost about a tenth of this host's CPU under load. The
/// InventoryHost tests hold each one to the lambda-built definition it stands for.
/// </summary>
internal static class ProductWrites
{
    private static readonly FilterDefinitionBuilder<ProductDocument> Where = Builders<ProductDocument>.Filter;
    private static readonly UpdateDefinitionBuilder<ProductDocument> Update = Builders<ProductDocument>.Update;

    /// <summary>What callers see of a product: the holds and the returned ids are the ledger's bookkeeping.</summary>
    public static readonly ProjectionDefinition<ProductDocument> WithoutBookkeeping =
        new BsonDocument { { ProductDocument.HoldsElement, 0 }, { ProductDocument.ReturnedReservationIdsElement, 0 } };

    /// <summary>The product with its holds, without the ids of returned reservations.</summary>
    public static readonly ProjectionDefinition<ProductDocument> WithHolds =
        new BsonDocument { { ProductDocument.ReturnedReservationIdsElement, 0 } };

    public static readonly ProjectionDefinition<ProductDocument> HoldsOnly =
        Builders<ProductDocument>.Projection.Include(ProductDocument.HoldsElement);

    public static readonly SortDefinition<ProductDocument> ByIdAscending = Builders<ProductDocument>.Sort.Ascending(ProductDocument.IdElement);

    /// <summary>Products that have at least one hold.</summary>
    public static readonly FilterDefinition<ProductDocument> HavingHolds = Where.Exists(ProductDocument.HoldsElement + ".0");

    public static FilterDefinition<ProductDocument> ById(string productId) => Where.Eq(ProductDocument.IdElement, productId);

    public static FilterDefinition<ProductDocument> ByIds(IEnumerable<string> productIds) => Where.In(ProductDocument.IdElement, productIds);

    /// <summary>
    /// The product while it has the units and no hold of this reservation. Written as the document itself, as is
    /// <see cref="Take"/>: every order sends both, and combined definitions are rendered anew on every call.
    /// </summary>
    public static FilterDefinition<ProductDocument> Takeable(string reservationId, RequestedLine line) => new BsonDocument
    {
        { ProductDocument.IdElement, line.ProductId },
        { ProductDocument.AvailableElement, new BsonDocument("$gte", line.Quantity) },
        { ProductDocument.HoldReservationIdPath, new BsonDocument("$ne", reservationId) },
    };

    /// <summary>The units leave available stock into a hold of this reservation, marked with the taking call's token.</summary>
    public static UpdateDefinition<ProductDocument> Take(string reservationId, string token, RequestedLine line) => new BsonDocument
    {
        { "$inc", new BsonDocument(ProductDocument.AvailableElement, -line.Quantity) },
        {
            "$push", new BsonDocument(ProductDocument.HoldsElement, new BsonDocument
            {
                { StockHold.ReservationIdElement, reservationId },
                { StockHold.QuantityElement, line.Quantity },
                { StockHold.TokenElement, token },
            })
        },
    };

    /// <summary>The product while it has a hold of this reservation: a settling write matches once, so a repeat changes nothing.</summary>
    public static FilterDefinition<ProductDocument> HeldBy(string productId, string reservationId) =>
        ById(productId) & Where.Eq(ProductDocument.HoldReservationIdPath, reservationId);

    /// <summary>Every product holding units for this reservation.</summary>
    public static FilterDefinition<ProductDocument> HoldingFor(string reservationId) => Where.Eq(ProductDocument.HoldReservationIdPath, reservationId);

    /// <summary>The product while it has the hold this token took.</summary>
    public static FilterDefinition<ProductDocument> HeldWith(string productId, string token) =>
        ById(productId) & Where.Eq(ProductDocument.HoldTokenPath, token);

    /// <summary>The product while it has this hold: the one its token names, or on a hold older than tokens the id's.</summary>
    public static FilterDefinition<ProductDocument> HeldAs(string productId, string reservationId, string? token) =>
        token is null ? HeldBy(productId, reservationId) : HeldWith(productId, token);

    /// <summary>The hold goes and its units stay taken; named as in <see cref="HeldAs"/>.</summary>
    public static UpdateDefinition<ProductDocument> DropHoldAs(string reservationId, string? token) =>
        token is null ? DropHold(reservationId) : DropHoldsWith([token]);

    /// <summary>The hold goes, its units back to available stock; named as in <see cref="HeldAs"/>.</summary>
    public static UpdateDefinition<ProductDocument> ReleaseHoldAs(string reservationId, string? token, int quantity) =>
        token is null ? ReleaseHold(reservationId, quantity) : ReleaseHoldWith(token, quantity);

    /// <summary>The product while it has a hold taken with any of these tokens.</summary>
    public static FilterDefinition<ProductDocument> HeldWithAny(string productId, IEnumerable<string> tokens) =>
        ById(productId) & Where.In(ProductDocument.HoldTokenPath, tokens);

    /// <summary>The product while it has a hold of any of these reservations.</summary>
    public static FilterDefinition<ProductDocument> HeldByAny(string productId, IEnumerable<string> reservationIds) =>
        ById(productId) & Where.In(ProductDocument.HoldReservationIdPath, reservationIds);

    /// <summary>The hold goes, its units back to available stock (the reservation was released or rejected).</summary>
    public static UpdateDefinition<ProductDocument> ReleaseHold(string reservationId, int quantity) =>
        Update.Combine(DropHold(reservationId), Update.Inc(ProductDocument.AvailableElement, quantity));

    /// <summary>The hold goes and its units stay taken (the reservation was committed).</summary>
    public static UpdateDefinition<ProductDocument> DropHold(string reservationId) =>
        Update.PullFilter(ProductDocument.HoldsElement, Builders<StockHold>.Filter.Eq(StockHold.ReservationIdElement, reservationId));

    /// <summary>The hold this token took goes, its units back to available stock.</summary>
    public static UpdateDefinition<ProductDocument> ReleaseHoldWith(string token, int quantity) =>
        Update.Combine(DropHoldsWith([token]), Update.Inc(ProductDocument.AvailableElement, quantity));

    /// <summary>The holds taken with these tokens go and their units stay taken (their reservations were committed).</summary>
    public static UpdateDefinition<ProductDocument> DropHoldsWith(IEnumerable<string> tokens) =>
        Update.PullFilter(ProductDocument.HoldsElement, Builders<StockHold>.Filter.In(StockHold.TokenElement, tokens));

    public static UpdateDefinition<ProductDocument> DropHolds(IEnumerable<string> reservationIds) =>
        Update.PullFilter(ProductDocument.HoldsElement, Builders<StockHold>.Filter.In(StockHold.ReservationIdElement, reservationIds));

    /// <summary>The product while this reservation's units have not come back to it.</summary>
    public static FilterDefinition<ProductDocument> NotReturnedTo(string productId, string reservationId) =>
        ById(productId) & Where.Ne(ProductDocument.ReturnedReservationIdsElement, reservationId);

    /// <summary>A committed reservation's units come back, recorded with its id so they never come back twice.</summary>
    public static UpdateDefinition<ProductDocument> ReturnUnits(string reservationId, int quantity) =>
        Update.Inc(ProductDocument.AvailableElement, quantity).Push(ProductDocument.ReturnedReservationIdsElement, reservationId);

    /// <summary>Name and price always; stock and an empty list of holds only when the product is new.</summary>
    public static UpdateDefinition<ProductDocument> List(ProductListing listing) =>
        Update
            .Set(ProductDocument.NameElement, listing.Name)
            .Set(ProductDocument.UnitPriceElement, listing.UnitPrice.Amount)
            .Set(ProductDocument.CurrencyElement, listing.UnitPrice.Currency)
            .SetOnInsert(ProductDocument.AvailableElement, listing.InitialStock)
            .SetOnInsert(ProductDocument.HoldsElement, new List<StockHold>());

    public static UpdateDefinition<ProductDocument> SetStock(int available) => Update.Set(ProductDocument.AvailableElement, available);
}
