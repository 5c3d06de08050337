namespace Orders.WebApi.Orders;

/// <summary>
/// The <c>Placement</c> section: how many orders one instance places at once. A burst beyond what Inventory and
/// Payment answer within <c>Services:Deadline</c> would time every saga out together (and leave their stock held
/// for recovery); queued, the same burst completes.
/// </summary>
public sealed class PlacementOptions
{
    public const string Section = "Placement";

    /// <summary>
    /// <c>Placement:MaxConcurrent</c>: sagas running at once; the rest wait their turn. 32 keeps two cores busy while
    /// each saga waits on its remote calls (16 left a fifth of the CPU idle under load; see docs/benchmarks.md).
    /// </summary>
    public int MaxConcurrent { get; set; } = 32;

    /// <summary><c>Placement:MaxQueued</c>: requests that may wait; beyond it a request is refused with 503 before anything is stored.</summary>
    public int MaxQueued { get; set; } = 1000;
}
