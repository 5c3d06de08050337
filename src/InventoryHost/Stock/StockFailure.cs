namespace Orders.InventoryHost.Stock;

public enum StockFailureKind
{
    /// <summary>The request itself is malformed (empty id, bad quantity, duplicate product).</summary>
    InvalidRequest,

    /// <summary>No reservation or product has this id.</summary>
    NotFound,

    /// <summary>The reservation id is already used for other lines.</summary>
    Conflict,

    /// <summary>The reservation is in a state the step can't leave (release after commit).</summary>
    WrongState,
}

/// <summary>Why the ledger refused a request; an expected outcome, not a bug.</summary>
public sealed record StockFailure(StockFailureKind Kind, string Message);
