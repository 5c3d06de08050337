namespace Orders.PaymentHost.Store;

/// <summary>
/// The one table of the payments database and the statements on it. A row is a payment, or a "voided" tombstone
/// (no details) for an id refunded before it was ever charged. Each write is one statement, so instances sharing
/// the database decide a race on one id through PostgreSQL's row lock, not through process memory.
/// </summary>
internal static class PaymentsTable
{
    public const string Approved = "approved";
    public const string Declined = "declined";
    public const string Refunded = "refunded";
    public const string Voided = "voided";

    public const string Create = """
        CREATE TABLE IF NOT EXISTS payments (
            payment_id     text        PRIMARY KEY,
            status         text        NOT NULL CHECK (status IN ('approved', 'declined', 'refunded', 'voided')),
            order_id       text,
            user_id        text,
            amount         numeric,
            currency       text,
            decline_reason text        NOT NULL DEFAULT '',
            created_at     timestamptz NOT NULL DEFAULT now(),
            updated_at     timestamptz NOT NULL DEFAULT now(),
            CHECK ((status = 'voided') = (order_id IS NULL))
        )
        """;

    private const string Columns = "payment_id, order_id, user_id, amount, currency, status, decline_reason";

    /// <summary>
    /// Records a new payment; over a tombstone, records it declined as voided instead. No row back: the id was
    /// already charged, and the caller reads that payment to tell a replay from a conflict.
    /// </summary>
    public const string Charge = $"""
        INSERT INTO payments AS p ({Columns})
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (payment_id) DO UPDATE
            SET order_id = excluded.order_id, user_id = excluded.user_id, amount = excluded.amount,
                currency = excluded.currency, status = 'declined', decline_reason = $8, updated_at = now()
            WHERE p.status = 'voided'
        RETURNING {Columns}
        """;

    /// <summary>
    /// Refunds an approved payment, or leaves a tombstone for an id never charged. No row back: the id is already
    /// refunded, declined or voided, none of which can become approved again, so reading it afterwards is safe.
    /// </summary>
    public const string Refund = $"""
        INSERT INTO payments AS p (payment_id, status) VALUES ($1, 'voided')
        ON CONFLICT (payment_id) DO UPDATE SET status = 'refunded', updated_at = now()
            WHERE p.status = 'approved'
        RETURNING {Columns}
        """;

    public const string Find = $"SELECT {Columns} FROM payments WHERE payment_id = $1";
}
