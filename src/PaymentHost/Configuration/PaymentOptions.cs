namespace Orders.PaymentHost.Configuration;

/// <summary>The "Payment" configuration section.</summary>
public sealed class PaymentOptions
{
    public const string SectionName = "Payment";

    /// <summary>Charges above this amount (in any currency) are declined.</summary>
    public decimal DeclineAbove { get; set; } = 5000.00m;

    public FaultOptions Faults { get; set; } = new();
}
