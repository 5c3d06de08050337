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
    /// <c>Placement:MaxConcurrent</c>: sagas running at once; the rest wait their turn. 16 keeps every call of a
    /// 200-order burst within its deadline even on a machine shared with other work; on a dedicated machine 32 buys
    /// ~25 % more orders/s (docs/benchmarks.md), at the price of deadline failures when the CPU is contended.
    /// </summary>
    public int MaxConcurrent { get; set; } = 16;

    /// <summary><c>Placement:MaxQueued</c>: requests that may wait; beyond it a request is refused with 503 before anything is stored.</summary>
    public int MaxQueued { get; set; } = 1000;
}
