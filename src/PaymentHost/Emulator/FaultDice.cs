namespace Orders.PaymentHost.Emulator;

/// <summary>Decides which calls fail; a seed makes the sequence repeatable. Safe to share between threads.</summary>
public sealed class FaultDice(int? seed)
{
    private readonly Lock _gate = new();

    private readonly Random _random = seed is { } value ? new Random(value) : new Random();

    /// <summary>True for roughly <paramref name="rate"/> of calls: never at 0, always at 1.</summary>
    public bool Hits(double rate)
    {
        if (rate <= 0)
        {
            return false;
        }

        lock (_gate)
        {
            return _random.NextDouble() < rate;
        }
    }
}
