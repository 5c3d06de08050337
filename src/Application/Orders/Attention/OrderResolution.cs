namespace Orders.Application.Orders.Attention;

/// <summary>What an operator tells the placement policy to do with an order that needs attention.</summary>
public enum OrderResolution
{
    /// <summary>Ask the services again and settle the order as recovery would (after the operator fixed the cause).</summary>
    Retry,

    /// <summary>End the order as failed: its stock goes back (sold or not) and its payment is refunded.</summary>
    Settle,
}
