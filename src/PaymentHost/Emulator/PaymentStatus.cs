namespace Orders.PaymentHost.Emulator;

public enum PaymentStatus
{
    Approved,
    Declined,
    Refunded,
}
