using MongoDB.Driver;

namespace Orders.InventoryHost.Stock.Storage;

/// <summary>
/// Every filter and update sent to the <c>reservations</c> collection, built from element names for the reason given
/// on <see cref="ProductWrites"/>; the InventoryHost tests hold each one to the lambda-built definition it stands for.
/// </summary>
internal static class ReservationWrites
{
    private static readonly FilterDefinitionBuilder<ReservationDocument> Where = Builders<ReservationDocument>.Filter;
    private static readonly UpdateDefinitionBuilder<ReservationDocument> Update = Builders<ReservationDocument>.Update;

    // A field named by a string finds no member serializer by its element name: it is given the one the document uses.
    private static readonly FieldDefinition<ReservationDocument, ReservationStatus> Status =
        new StringFieldDefinition<ReservationDocument, ReservationStatus>(ReservationDocument.StatusElement, new ReservationStatusSerializer());

    public static FilterDefinition<ReservationDocument> ById(string reservationId) => Where.Eq(ReservationDocument.IdElement, reservationId);

    /// <summary>The reservation while its status is one of <paramref name="statuses"/>.</summary>
    public static FilterDefinition<ReservationDocument> InStatus(string reservationId, ReservationStatus[] statuses) =>
        ById(reservationId) & Where.In(Status, statuses);

    /// <summary>Those of these reservations whose stock left for good: committed, or committed and then returned.</summary>
    public static FilterDefinition<ReservationDocument> CommittedAmong(IEnumerable<string> reservationIds) =>
        Where.In(ReservationDocument.IdElement, reservationIds)
        & Where.In(Status, [ReservationStatus.Committed, ReservationStatus.Returned]);

    /// <summary>Reserved, with the prices its lines were taken at.</summary>
    public static UpdateDefinition<ReservationDocument> Confirming(List<ReservationLineDocument> priced) =>
        Update.Set(Status, ReservationStatus.Reserved).Set(ReservationDocument.LinesElement, priced);

    /// <summary>Rejected, naming every short and every unknown product.</summary>
    public static UpdateDefinition<ReservationDocument> Rejecting(IEnumerable<StockShortage> shortages, IEnumerable<string> unknownProductIds) =>
        Update
            .Set(Status, ReservationStatus.Rejected)
            .Set(ReservationDocument.ShortagesElement, shortages.Select(ShortageDocument.From).ToList())
            .Set(ReservationDocument.UnknownProductIdsElement, unknownProductIds.ToList());

    public static UpdateDefinition<ReservationDocument> Committing => Update.Set(Status, ReservationStatus.Committed);

    public static UpdateDefinition<ReservationDocument> Releasing => Update.Set(Status, ReservationStatus.Released);

    public static UpdateDefinition<ReservationDocument> Returning => Update.Set(Status, ReservationStatus.Returned);

    /// <summary>The update, and the time it was made.</summary>
    public static UpdateDefinition<ReservationDocument> Stamped(UpdateDefinition<ReservationDocument> update, DateTime now) =>
        Update.Combine(update, Update.Set(ReservationDocument.UpdatedAtElement, now));
}
