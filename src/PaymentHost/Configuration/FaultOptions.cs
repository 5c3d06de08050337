namespace Orders.PaymentHost.Configuration;

/// <summary>The "Payment:Faults" section: injected failures for fault tests, all off by default.</summary>
public sealed class FaultOptions
{
    public const string SectionName = "Faults";

    /// <summary>Delay before every call.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>Share (0..1) of Charge and Refund calls that fail with UNAVAILABLE before doing anything.</summary>
    public double FailureRate { get; set; }

    /// <summary>Share (0..1) of Charge and Refund calls that do their work and then fail with UNAVAILABLE.</summary>
    public double LostReplyRate { get; set; }

    /// <summary>Seed for the fault dice, for deterministic runs; unset means a different sequence each start.</summary>
    public int? Seed { get; set; }
}
