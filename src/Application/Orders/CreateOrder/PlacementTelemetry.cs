using System.Diagnostics;
using Orders.Application.Common;

namespace Orders.Application.Orders.CreateOrder;

/// <summary>Records how placements end and how long each saga step takes.</summary>
internal static class PlacementTelemetry
{
    public const string Reserve = "reserve";
    public const string Charge = "charge";
    public const string Commit = "commit";

    public static void RecordOutcome(CreateOrderResult result) =>
        OrdersTelemetry.OrdersPlaced.Add(1, new KeyValuePair<string, object?>("outcome", Outcome(result)));

    public static async Task<T> TimeStepAsync<T>(string step, Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await call();
        }
        finally
        {
            OrdersTelemetry.SagaStepDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("step", step));
        }
    }

    private static string Outcome(CreateOrderResult result) => result switch
    {
        CreateOrderResult.Confirmed => "confirmed",
        CreateOrderResult.InsufficientStock => "insufficient_stock",
        CreateOrderResult.UnknownProducts => "unknown_products",
        CreateOrderResult.PaymentDeclined => "payment_declined",
        CreateOrderResult.Replayed => "replayed",
        CreateOrderResult.InProgress => "in_progress",
        CreateOrderResult.IdempotencyKeyReused => "idempotency_key_reused",
        CreateOrderResult.DependencyUnavailable => "dependency_unavailable",
        _ => "invalid",
    };
}
