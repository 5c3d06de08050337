namespace Orders.UnitTests.Application.Placement;

/// <summary>
/// The placement policy's whole table: goal (and whether a placement gave up), reservation, payment → the step it
/// chooses, for an order that carries its prices. Rows no path reaches are here too, so that no combination is left
/// to chance; a new state or goal needs rows before the table test passes.
/// </summary>
internal static class PlacementTable
{
    public const string Rows = """
        Place        | NotAsked  | NotAsked | Reserve
        Place        | NotAsked  | Unknown  | Refund
        Place        | NotAsked  | Approved | Refund
        Place        | NotAsked  | Declined | Finish PaymentDeclined
        Place        | NotAsked  | Refunded | Finish Failed
        Place        | NotAsked  | None     | Refund
        Place        | Unknown   | NotAsked | Release
        Place        | Unknown   | Unknown  | Release
        Place        | Unknown   | Approved | Release
        Place        | Unknown   | Declined | Release
        Place        | Unknown   | Refunded | Release
        Place        | Unknown   | None     | Release
        Place        | Reserved  | NotAsked | Charge
        Place        | Reserved  | Unknown  | Release
        Place        | Reserved  | Approved | Commit
        Place        | Reserved  | Declined | Release
        Place        | Reserved  | Refunded | Release
        Place        | Reserved  | None     | Release
        Place        | Rejected  | NotAsked | Finish Rejected
        Place        | Rejected  | Unknown  | Refund
        Place        | Rejected  | Approved | Refund
        Place        | Rejected  | Declined | Finish PaymentDeclined
        Place        | Rejected  | Refunded | Finish Failed
        Place        | Rejected  | None     | Refund
        Place        | Committed | NotAsked | Escalate
        Place        | Committed | Unknown  | AskPayment
        Place        | Committed | Approved | Finish Confirmed
        Place        | Committed | Declined | Escalate
        Place        | Committed | Refunded | Escalate
        Place        | Committed | None     | Escalate
        Place        | Released  | NotAsked | Finish Failed
        Place        | Released  | Unknown  | Refund
        Place        | Released  | Approved | Refund
        Place        | Released  | Declined | Finish PaymentDeclined
        Place        | Released  | Refunded | Finish Failed
        Place        | Released  | None     | Refund
        Place        | Returned  | NotAsked | Finish Failed
        Place        | Returned  | Unknown  | Refund
        Place        | Returned  | Approved | Refund
        Place        | Returned  | Declined | Finish PaymentDeclined
        Place        | Returned  | Refunded | Finish Failed
        Place        | Returned  | None     | Refund
        Place        | None      | NotAsked | Release
        Place        | None      | Unknown  | Release
        Place        | None      | Approved | Release
        Place        | None      | Declined | Release
        Place        | None      | Refunded | Release
        Place        | None      | None     | Release
        GaveUp       | NotAsked  | NotAsked | Finish Failed
        GaveUp       | NotAsked  | Unknown  | Refund
        GaveUp       | NotAsked  | Approved | Refund
        GaveUp       | NotAsked  | Declined | Finish PaymentDeclined
        GaveUp       | NotAsked  | Refunded | Finish Failed
        GaveUp       | NotAsked  | None     | Refund
        GaveUp       | Unknown   | NotAsked | Release
        GaveUp       | Unknown   | Unknown  | Release
        GaveUp       | Unknown   | Approved | Release
        GaveUp       | Unknown   | Declined | Release
        GaveUp       | Unknown   | Refunded | Release
        GaveUp       | Unknown   | None     | Release
        GaveUp       | Reserved  | NotAsked | Release
        GaveUp       | Reserved  | Unknown  | Release
        GaveUp       | Reserved  | Approved | Release
        GaveUp       | Reserved  | Declined | Release
        GaveUp       | Reserved  | Refunded | Release
        GaveUp       | Reserved  | None     | Release
        GaveUp       | Rejected  | NotAsked | Finish Failed
        GaveUp       | Rejected  | Unknown  | Refund
        GaveUp       | Rejected  | Approved | Refund
        GaveUp       | Rejected  | Declined | Finish PaymentDeclined
        GaveUp       | Rejected  | Refunded | Finish Failed
        GaveUp       | Rejected  | None     | Refund
        GaveUp       | Committed | NotAsked | Escalate
        GaveUp       | Committed | Unknown  | AskPayment
        GaveUp       | Committed | Approved | Finish Confirmed
        GaveUp       | Committed | Declined | Escalate
        GaveUp       | Committed | Refunded | Escalate
        GaveUp       | Committed | None     | Escalate
        GaveUp       | Released  | NotAsked | Finish Failed
        GaveUp       | Released  | Unknown  | Refund
        GaveUp       | Released  | Approved | Refund
        GaveUp       | Released  | Declined | Finish PaymentDeclined
        GaveUp       | Released  | Refunded | Finish Failed
        GaveUp       | Released  | None     | Refund
        GaveUp       | Returned  | NotAsked | Finish Failed
        GaveUp       | Returned  | Unknown  | Refund
        GaveUp       | Returned  | Approved | Refund
        GaveUp       | Returned  | Declined | Finish PaymentDeclined
        GaveUp       | Returned  | Refunded | Finish Failed
        GaveUp       | Returned  | None     | Refund
        GaveUp       | None      | NotAsked | Release
        GaveUp       | None      | Unknown  | Release
        GaveUp       | None      | Approved | Release
        GaveUp       | None      | Declined | Release
        GaveUp       | None      | Refunded | Release
        GaveUp       | None      | None     | Release
        Recover      | NotAsked  | NotAsked | Finish Failed
        Recover      | NotAsked  | Unknown  | AskPayment
        Recover      | NotAsked  | Approved | Refund
        Recover      | NotAsked  | Declined | Finish PaymentDeclined
        Recover      | NotAsked  | Refunded | Finish Failed
        Recover      | NotAsked  | None     | Refund
        Recover      | Unknown   | NotAsked | Release
        Recover      | Unknown   | Unknown  | AskPayment
        Recover      | Unknown   | Approved | AskReservation
        Recover      | Unknown   | Declined | AskReservation
        Recover      | Unknown   | Refunded | Release
        Recover      | Unknown   | None     | Release
        Recover      | Reserved  | NotAsked | Release
        Recover      | Reserved  | Unknown  | AskPayment
        Recover      | Reserved  | Approved | Commit
        Recover      | Reserved  | Declined | Release
        Recover      | Reserved  | Refunded | Release
        Recover      | Reserved  | None     | Release
        Recover      | Rejected  | NotAsked | Finish Failed
        Recover      | Rejected  | Unknown  | AskPayment
        Recover      | Rejected  | Approved | Escalate
        Recover      | Rejected  | Declined | Escalate
        Recover      | Rejected  | Refunded | Finish Failed
        Recover      | Rejected  | None     | Refund
        Recover      | Committed | NotAsked | Escalate
        Recover      | Committed | Unknown  | AskPayment
        Recover      | Committed | Approved | Finish Confirmed
        Recover      | Committed | Declined | Escalate
        Recover      | Committed | Refunded | Escalate
        Recover      | Committed | None     | Escalate
        Recover      | Released  | NotAsked | Finish Failed
        Recover      | Released  | Unknown  | AskPayment
        Recover      | Released  | Approved | Refund
        Recover      | Released  | Declined | Finish PaymentDeclined
        Recover      | Released  | Refunded | Finish Failed
        Recover      | Released  | None     | Refund
        Recover      | Returned  | NotAsked | Escalate
        Recover      | Returned  | Unknown  | AskPayment
        Recover      | Returned  | Approved | Escalate
        Recover      | Returned  | Declined | Escalate
        Recover      | Returned  | Refunded | Escalate
        Recover      | Returned  | None     | Escalate
        Recover      | None      | NotAsked | Release
        Recover      | None      | Unknown  | AskPayment
        Recover      | None      | Approved | Escalate
        Recover      | None      | Declined | Escalate
        Recover      | None      | Refunded | Release
        Recover      | None      | None     | Release
        Cancel       | NotAsked  | NotAsked | Escalate
        Cancel       | NotAsked  | Unknown  | AskPayment
        Cancel       | NotAsked  | Approved | Escalate
        Cancel       | NotAsked  | Declined | Escalate
        Cancel       | NotAsked  | Refunded | Escalate
        Cancel       | NotAsked  | None     | Escalate
        Cancel       | Unknown   | NotAsked | AskReservation
        Cancel       | Unknown   | Unknown  | AskReservation
        Cancel       | Unknown   | Approved | AskReservation
        Cancel       | Unknown   | Declined | AskReservation
        Cancel       | Unknown   | Refunded | AskReservation
        Cancel       | Unknown   | None     | AskReservation
        Cancel       | Reserved  | NotAsked | Escalate
        Cancel       | Reserved  | Unknown  | AskPayment
        Cancel       | Reserved  | Approved | Escalate
        Cancel       | Reserved  | Declined | Escalate
        Cancel       | Reserved  | Refunded | Escalate
        Cancel       | Reserved  | None     | Escalate
        Cancel       | Rejected  | NotAsked | Escalate
        Cancel       | Rejected  | Unknown  | AskPayment
        Cancel       | Rejected  | Approved | Escalate
        Cancel       | Rejected  | Declined | Escalate
        Cancel       | Rejected  | Refunded | Escalate
        Cancel       | Rejected  | None     | Escalate
        Cancel       | Committed | NotAsked | Escalate
        Cancel       | Committed | Unknown  | AskPayment
        Cancel       | Committed | Approved | Return
        Cancel       | Committed | Declined | Escalate
        Cancel       | Committed | Refunded | Escalate
        Cancel       | Committed | None     | Escalate
        Cancel       | Released  | NotAsked | Escalate
        Cancel       | Released  | Unknown  | AskPayment
        Cancel       | Released  | Approved | Escalate
        Cancel       | Released  | Declined | Escalate
        Cancel       | Released  | Refunded | Escalate
        Cancel       | Released  | None     | Escalate
        Cancel       | Returned  | NotAsked | Escalate
        Cancel       | Returned  | Unknown  | AskPayment
        Cancel       | Returned  | Approved | Refund
        Cancel       | Returned  | Declined | Escalate
        Cancel       | Returned  | Refunded | Finish Cancelled
        Cancel       | Returned  | None     | Escalate
        Cancel       | None      | NotAsked | Escalate
        Cancel       | None      | Unknown  | AskPayment
        Cancel       | None      | Approved | Escalate
        Cancel       | None      | Declined | Escalate
        Cancel       | None      | Refunded | Escalate
        Cancel       | None      | None     | Escalate
        Settle       | NotAsked  | NotAsked | Finish Failed
        Settle       | NotAsked  | Unknown  | Refund
        Settle       | NotAsked  | Approved | Refund
        Settle       | NotAsked  | Declined | Finish Failed
        Settle       | NotAsked  | Refunded | Finish Failed
        Settle       | NotAsked  | None     | Refund
        Settle       | Unknown   | NotAsked | Release
        Settle       | Unknown   | Unknown  | Release
        Settle       | Unknown   | Approved | Release
        Settle       | Unknown   | Declined | Release
        Settle       | Unknown   | Refunded | Release
        Settle       | Unknown   | None     | Release
        Settle       | Reserved  | NotAsked | Release
        Settle       | Reserved  | Unknown  | Release
        Settle       | Reserved  | Approved | Release
        Settle       | Reserved  | Declined | Release
        Settle       | Reserved  | Refunded | Release
        Settle       | Reserved  | None     | Release
        Settle       | Rejected  | NotAsked | Finish Failed
        Settle       | Rejected  | Unknown  | Refund
        Settle       | Rejected  | Approved | Refund
        Settle       | Rejected  | Declined | Finish Failed
        Settle       | Rejected  | Refunded | Finish Failed
        Settle       | Rejected  | None     | Refund
        Settle       | Committed | NotAsked | Return
        Settle       | Committed | Unknown  | AskPayment
        Settle       | Committed | Approved | Return
        Settle       | Committed | Declined | Return
        Settle       | Committed | Refunded | Return
        Settle       | Committed | None     | Return
        Settle       | Released  | NotAsked | Finish Failed
        Settle       | Released  | Unknown  | Refund
        Settle       | Released  | Approved | Refund
        Settle       | Released  | Declined | Finish Failed
        Settle       | Released  | Refunded | Finish Failed
        Settle       | Released  | None     | Refund
        Settle       | Returned  | NotAsked | Finish Failed
        Settle       | Returned  | Unknown  | Refund
        Settle       | Returned  | Approved | Refund
        Settle       | Returned  | Declined | Finish Failed
        Settle       | Returned  | Refunded | Finish Failed
        Settle       | Returned  | None     | Refund
        Settle       | None      | NotAsked | Release
        Settle       | None      | Unknown  | Release
        Settle       | None      | Approved | Release
        Settle       | None      | Declined | Release
        Settle       | None      | Refunded | Release
        Settle       | None      | None     | Release
        """;
}
