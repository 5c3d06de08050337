using Microsoft.Extensions.DependencyInjection;
using Orders.Application.Abstractions;
using Orders.Domain.Common;
using Orders.Domain.Orders;

namespace Orders.Infrastructure.IntegrationTests.Outbox;

/// <summary>Orders taken to a status through the repository, one stored step at a time, as the saga stores them.</summary>
internal static class OrderJourneys
{
    /// <summary>Every status whose reaching is published, by wire name (needs_attention joins once the domain has it).</summary>
    public static readonly string[] PublishedStatuses = ["confirmed", "rejected", "payment_declined", "failed", "cancelled", "needs_attention"];

    private static readonly ProductId Product = new("p1");

    public static async Task<Order> PlaceAsync(IServiceProvider services, string status)
    {
        await using var scope = services.CreateAsyncScope();
        var repository = scope.ServiceProvider.GetRequiredService<IOrderRepository>();
        var order = Order.Place(OrderId.New(), new UserId("outbox-user"), [new RequestedLine(Product, 2)], Now());
        await repository.AddAsync(order, CancellationToken.None);

        async Task Store(Action<Order> step)
        {
            step(order);
            await repository.UpdateAsync(order, CancellationToken.None);
        }

        switch (status)
        {
            case "rejected":
                await Store(o => o.Reject("insufficient stock", Now()));
                break;
            case "failed":
                await Store(o => o.Fail("inventory unavailable", Now()));
                break;
            case "payment_declined":
                await Store(Reserve);
                await Store(o => o.DeclinePayment("card declined", Now()));
                break;
            case "confirmed" or "cancelled":
                await Store(Reserve);
                await Store(o => o.Confirm(Now()));
                if (status == "cancelled")
                {
                    await Store(o => o.Cancel(Now()));
                }

                break;
            case "needs_attention":
                await Store(o => o.NeedAttention("the stock is committed, but the payment is none", Now()));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, "No journey to this status.");
        }

        return order;
    }

    public static void Reserve(Order order) => order.Price([new PricedLine(Product, new Money(10.50m, "EUR"))], Now());

    /// <summary>Now, cut to PostgreSQL's microseconds as the application's clock does.</summary>
    public static DateTimeOffset Now()
    {
        var now = DateTimeOffset.UtcNow;
        return now.AddTicks(-(now.UtcTicks % (TimeSpan.TicksPerMillisecond / 1000)));
    }
}
