using MongoDB.Bson;
using Orders.InventoryHost.Stock;
using Orders.InventoryHost.Stock.Storage;

namespace Orders.InventoryHost.Tests.Stock;

/// <summary><c>reservations.status</c> holds the lower-case names it always has: data stored by earlier versions reads unchanged.</summary>
public sealed class StoredStatusTests : LedgerTest
{
    [TestCase("pending", ReservationStatus.Pending)]
    [TestCase("reserved", ReservationStatus.Reserved)]
    [TestCase("rejected", ReservationStatus.Rejected)]
    [TestCase("released", ReservationStatus.Released)]
    [TestCase("committed", ReservationStatus.Committed)]
    [TestCase("returned", ReservationStatus.Returned)]
    public async Task A_reservation_stored_with_a_lower_case_status_reads_back_as_that_status(string stored, ReservationStatus expected)
    {
        await Reservations.InsertOneAsync(new BsonDocument
        {
            { "_id", "r1" },
            { "lines", new BsonArray { new BsonDocument { { "product_id", "p1" }, { "quantity", 2 } } } },
            { "status", stored },
        });

        var reservation = await Ledger.GetReservationAsync("r1", CancellationToken.None);

        Assert.That(reservation?.Status, Is.EqualTo(expected));
    }

    [TestCase(ReservationStatus.Pending, "pending")]
    [TestCase(ReservationStatus.Reserved, "reserved")]
    [TestCase(ReservationStatus.Rejected, "rejected")]
    [TestCase(ReservationStatus.Released, "released")]
    [TestCase(ReservationStatus.Committed, "committed")]
    [TestCase(ReservationStatus.Returned, "returned")]
    public void A_status_is_written_as_its_lower_case_name(ReservationStatus status, string stored)
    {
        var document = new ReservationDocument { Id = "r1", Lines = [], Status = status }.ToBsonDocument();

        Assert.That(document["status"], Is.EqualTo(new BsonString(stored)));
    }
}
