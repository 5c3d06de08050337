namespace Orders.Bench;

/// <summary>One order a client is about to place: which products, how many of each. Deterministic per client and sequence.</summary>
internal sealed record OrderPlan(string UserId, IReadOnlyList<PlannedLine> Lines)
{
    /// <summary>Spreads clients over the products so hot spots are the same for every run and mode.</summary>
    public static OrderPlan For(int client, long sequence, BenchOptions options, IReadOnlyList<string> productIds)
    {
        var first = (int)((client + sequence * options.Lines) % productIds.Count);
        var lines = new PlannedLine[options.Lines];
        for (var k = 0; k < lines.Length; k++)
        {
            lines[k] = new PlannedLine((first + k) % productIds.Count, productIds[(first + k) % productIds.Count], options.Quantity);
        }

        return new OrderPlan($"bench-u{client}", lines);
    }
}

/// <summary>A line of a planned order; <c>Index</c> is the product's position in the run's catalogue, for counting what was sold.</summary>
internal sealed record PlannedLine(int Index, string ProductId, int Quantity);

/// <summary>How one attempt ended: an outcome name for the counts (an HTTP status, "confirmed", "short"...) and whether it sold its lines.</summary>
internal readonly record struct Attempt(string Outcome, bool Confirmed);
