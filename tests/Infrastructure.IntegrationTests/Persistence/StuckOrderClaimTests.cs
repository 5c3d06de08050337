using Microsoft.Extensions.DependencyInjection;
using Orders.Application.Abstractions;
using Orders.Domain.Orders;
using Orders.Infrastructure.Persistence;
using Orders.Testing;

namespace Orders.Infrastructure.IntegrationTests.Persistence;

/// <summary>Claims of stuck orders against real PostgreSQL: row locks taken with SKIP LOCKED, one holder per order.</summary>
public sealed class StuckOrderClaimTests
{
    private static readonly DateTimeOffset LongAgo = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Cutoff = LongAgo.AddMinutes(10);

    private ServiceProvider _services = null!;

    // Each test its own database: a claim takes the oldest stuck order, whichever test stored it.
    [SetUp]
    public async Task CreateDatabase()
    {
        var server = await PostgresServer.GetOrIgnoreAsync();
        _services = InfrastructureServices.ForDatabase(await server.CreateDatabaseAsync("stuck_orders"));
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.MigrateOrdersDatabaseAsync(CancellationToken.None);
    }

    [TearDown]
    public async Task DisposeServices()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    [Test]
    public async Task Two_concurrent_claims_get_different_orders()
    {
        var first = await StoreAsync(LongAgo);
        var second = await StoreAsync(LongAgo.AddSeconds(1));
        await using var scopeA = _services.CreateAsyncScope();
        await using var scopeB = _services.CreateAsyncScope();

        var claims = await Task.WhenAll(ClaimAsync(scopeA), ClaimAsync(scopeB));
        await using var claimA = claims[0];
        await using var claimB = claims[1];

        Assert.That(new[] { claimA?.OrderId, claimB?.OrderId }, Is.EquivalentTo(new OrderId?[] { first.Id, second.Id }));
    }

    [Test]
    public async Task A_claimed_order_is_passed_over_by_a_second_claim_that_then_gets_none()
    {
        var order = await StoreAsync(LongAgo);
        await using var scopeA = _services.CreateAsyncScope();
        await using var scopeB = _services.CreateAsyncScope();
        await using var held = await ClaimAsync(scopeA);

        await using var other = await ClaimAsync(scopeB);

        Assert.That(held?.OrderId, Is.EqualTo(order.Id));
        Assert.That(other, Is.Null);
    }

    [Test]
    public async Task A_claim_given_up_without_completing_frees_the_order_for_the_next_claim()
    {
        var order = await StoreAsync(LongAgo);
        await using (var scope = _services.CreateAsyncScope())
        {
            await using var abandoned = await ClaimAsync(scope);
            Assert.That(abandoned?.OrderId, Is.EqualTo(order.Id));
        }

        await using var again = _services.CreateAsyncScope();
        await using var claim = await ClaimAsync(again);

        Assert.That(claim?.OrderId, Is.EqualTo(order.Id));
    }

    [Test]
    public async Task Recent_finished_and_skipped_orders_are_not_claimed()
    {
        await StoreAsync(Cutoff.AddSeconds(1));
        var finished = Order.Place(OrderId.New(), new UserId("u1"), [new RequestedLine(new ProductId("p1"), 1)], LongAgo);
        finished.Fail("test", LongAgo);
        await InScopeAsync(repository => repository.AddAsync(finished, CancellationToken.None));
        var skipped = await StoreAsync(LongAgo);
        await using var scope = _services.CreateAsyncScope();

        await using var claim = await scope.ServiceProvider.GetRequiredService<IStuckOrders>()
            .ClaimNextAsync(Cutoff, [skipped.Id], CancellationToken.None);

        Assert.That(claim, Is.Null);
    }

    [Test]
    public async Task The_oldest_stuck_order_is_claimed_first()
    {
        await StoreAsync(LongAgo.AddSeconds(5));
        var oldest = await StoreAsync(LongAgo);
        await using var scope = _services.CreateAsyncScope();

        await using var claim = await ClaimAsync(scope);

        Assert.That(claim?.OrderId, Is.EqualTo(oldest.Id));
    }

    [Test]
    public async Task Writes_made_under_a_completed_claim_are_kept_and_release_the_order()
    {
        var order = await StoreAsync(LongAgo);
        await using (var scope = _services.CreateAsyncScope())
        {
            await using var claim = await ClaimAsync(scope);
            var repository = scope.ServiceProvider.GetRequiredService<IOrderRepository>();
            var claimed = (await repository.FindAsync(claim!.OrderId, CancellationToken.None))!;
            claimed.Fail("recovered", LongAgo.AddMinutes(1));
            await repository.UpdateAsync(claimed, CancellationToken.None);
            await claim.CompleteAsync(CancellationToken.None);
        }

        Order? stored = null;
        await InScopeAsync(async repository => stored = await repository.FindAsync(order.Id, CancellationToken.None));
        await using var next = _services.CreateAsyncScope();
        await using var nothingLeft = await ClaimAsync(next);

        Assert.That(stored?.Status, Is.EqualTo(OrderStatus.Failed));
        Assert.That(nothingLeft, Is.Null);
    }

    [Test]
    public async Task Writes_made_under_a_claim_given_up_are_rolled_back()
    {
        var order = await StoreAsync(LongAgo);
        await using (var scope = _services.CreateAsyncScope())
        {
            await using var claim = await ClaimAsync(scope);
            var repository = scope.ServiceProvider.GetRequiredService<IOrderRepository>();
            var claimed = (await repository.FindAsync(claim!.OrderId, CancellationToken.None))!;
            claimed.Fail("recovered", LongAgo.AddMinutes(1));
            await repository.UpdateAsync(claimed, CancellationToken.None);
        }

        Order? stored = null;
        await InScopeAsync(async repository => stored = await repository.FindAsync(order.Id, CancellationToken.None));

        Assert.That(stored?.Status, Is.EqualTo(OrderStatus.Pending));
    }

    private static Task<IStuckOrderClaim?> ClaimAsync(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<IStuckOrders>().ClaimNextAsync(Cutoff, [], CancellationToken.None);

    private async Task<Order> StoreAsync(DateTimeOffset placedAt)
    {
        var order = Order.Place(OrderId.New(), new UserId("u1"), [new RequestedLine(new ProductId("p1"), 1)], placedAt);
        await InScopeAsync(repository => repository.AddAsync(order, CancellationToken.None));
        return order;
    }

    private async Task InScopeAsync(Func<IOrderRepository, Task> action)
    {
        await using var scope = _services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<IOrderRepository>());
    }
}
