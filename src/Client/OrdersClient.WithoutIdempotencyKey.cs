namespace Orders.Client;

/// <summary>Placing an order without an Idempotency-Key, as before the header existed: every call places a new order.</summary>
public partial class OrdersClient
{
    public virtual Task<OrderResponse> CreateOrderAsync(CreateOrderRequest request) => CreateOrderAsync(idempotencyKey: null, request);

    public virtual Task<OrderResponse> CreateOrderAsync(CreateOrderRequest request, CancellationToken cancellationToken) =>
        CreateOrderAsync(idempotencyKey: null, request, cancellationToken);
}
