namespace Orders.WebApi.Recovery;

/// <summary>The <c>Recovery</c> section: how the background job finds orders left pending and how often it looks.</summary>
public sealed class RecoveryOptions
{
    public const string Section = "Recovery";

    /// <summary><c>Recovery:Enabled</c>: whether this instance runs the job (any number of instances may).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>Recovery:StuckAfter</c>: how long an order must have stayed pending, unchanged, before it is recovered; well above a saga's longest run.</summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary><c>Recovery:Interval</c>: the pause between two rounds.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);
}
