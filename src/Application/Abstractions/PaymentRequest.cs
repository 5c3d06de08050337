using Orders.Domain.Common;
using Orders.Domain.Orders;

namespace Orders.Application.Abstractions;

/// <summary>A charge for an order; the order id doubles as the payment id.</summary>
public sealed record PaymentRequest(OrderId PaymentId, OrderId OrderId, UserId UserId, Money Amount);
