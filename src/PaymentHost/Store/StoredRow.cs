using System.Data.Common;
using Orders.PaymentHost.Emulator;

namespace Orders.PaymentHost.Store;

/// <summary>A row of the payments table as read: a payment, or the tombstone of an id refunded before any charge.</summary>
internal abstract record StoredRow
{
    private StoredRow()
    {
    }

    public sealed record Charged(Payment Payment) : StoredRow;

    public sealed record Tombstone : StoredRow;

    /// <summary>Reads the columns in the order <see cref="PaymentsTable"/> selects them.</summary>
    public static StoredRow From(DbDataReader row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var status = row.GetString(5);
        if (status == PaymentsTable.Voided)
        {
            return new Tombstone();
        }

        var attempt = new ChargeAttempt(row.GetString(0), row.GetString(1), row.GetString(2), row.GetDecimal(3), row.GetString(4));
        return new Charged(status switch
        {
            PaymentsTable.Approved => Payment.Approve(attempt),
            PaymentsTable.Declined => Payment.Decline(attempt, row.GetString(6)),
            PaymentsTable.Refunded => Payment.Approve(attempt).Refund(),
            _ => throw new InvalidOperationException($"Payment {attempt.PaymentId} has an unknown status '{status}'."),
        });
    }
}
