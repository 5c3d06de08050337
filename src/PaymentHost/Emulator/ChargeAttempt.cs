namespace Orders.PaymentHost.Emulator;

/// <summary>A request to take <paramref name="Amount"/> from a user for an order, identified by its payment id.</summary>
public sealed record ChargeAttempt(string PaymentId, string OrderId, string UserId, decimal Amount, string Currency);
