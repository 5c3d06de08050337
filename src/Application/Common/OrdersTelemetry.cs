using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Orders.Application.Common;

/// <summary>The traces and metrics the use cases emit; the host decides whether and where they are exported.</summary>
public static class OrdersTelemetry
{
    public const string SourceName = "Orders.Application";
    public const string MeterName = "Orders.Application";

    public static readonly ActivitySource Source = new(SourceName);

    private static readonly Meter Meter = new(MeterName);

    // Stryker disable String: an instrument's description is documentation for a dashboard, not behaviour.

    /// <summary>Orders that reached the saga, tagged <c>outcome</c>: confirmed, rejected, payment_declined, …</summary>
    public static readonly Counter<long> OrdersPlaced = Meter.CreateCounter<long>(
        "orders.placed", "{order}", "Order placements by outcome.");

    /// <summary>Orders whose stock and payment the placement policy could not reconcile: each is left for an operator.</summary>
    public static readonly Counter<long> OrdersNeedingAttention = Meter.CreateCounter<long>(
        "orders.attention", "{order}", "Orders set to needs_attention: the services answered what the policy can't reconcile.");

    /// <summary>How long each saga step (reserve, charge, commit, release, return, refund, ask_reservation, ask_payment) took, tagged <c>step</c>.</summary>
    public static readonly Histogram<double> SagaStepDuration = Meter.CreateHistogram<double>(
        "orders.saga.step.duration", "s", "Duration of one step of the order saga, remote call included.");
    // Stryker restore String
}
