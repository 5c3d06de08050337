using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orders.Application.Abstractions;
using Orders.Domain.Orders;
using Orders.Infrastructure.Persistence;
using Orders.Testing;

namespace Orders.Infrastructure.IntegrationTests.Persistence;

/// <summary>Idempotency keys, fresh reads and keyset listing against a real PostgreSQL.</summary>
public sealed class OrderLifecycleRepositoryTests
{
    private static readonly DateTimeOffset Noon = new(2026, 5, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly IdempotencyKey Key = new("key-1");
    private static readonly string FingerprintA = new('a', 64);

    private ServiceProvider _services = null!;
    private UserId _user;

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        var server = await PostgresServer.GetOrIgnoreAsync();
        _services = InfrastructureServices.ForDatabase(await server.CreateDatabaseAsync("order_lifecycle"));
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.MigrateOrdersDatabaseAsync(CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task DisposeServices()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    [SetUp]
    public void NewUser() => _user = new UserId($"user-{Guid.NewGuid():N}");

    [Test]
    public async Task An_order_reads_back_by_its_users_idempotency_key_with_its_fingerprint()
    {
        var order = Keyed(FingerprintA);
        Assert.That(await InScopeAsync(repository => repository.TryAddAsync(order, CancellationToken.None)), Is.True);

        var found = await InScopeAsync(repository => repository.FindByIdempotencyKeyAsync(_user, Key, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(found?.Id, Is.EqualTo(order.Id));
            Assert.That(found!.IdempotencyKey, Is.EqualTo(Key));
            Assert.That(found.RequestFingerprint, Is.EqualTo(FingerprintA));
            Assert.That(found.Lines, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_second_order_under_the_same_users_key_is_not_stored_and_the_same_context_can_go_on()
    {
        var first = Keyed(FingerprintA);
        await InScopeAsync(repository => repository.TryAddAsync(first, CancellationToken.None));

        await using var scope = _services.CreateAsyncScope();
        var repository = scope.ServiceProvider.GetRequiredService<IOrderRepository>();
        var second = Keyed(FingerprintA);
        var added = await repository.TryAddAsync(second, CancellationToken.None);
        var winner = await repository.FindByIdempotencyKeyAsync(_user, Key, CancellationToken.None);
        var unkeyed = Order.Place(OrderId.New(), _user, [new RequestedLine(new ProductId("p1"), 1)], Noon);
        await repository.AddAsync(unkeyed, CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(added, Is.False);
            Assert.That(winner?.Id, Is.EqualTo(first.Id));
            Assert.That(await InScopeAsync(r => r.FindAsync(second.Id, CancellationToken.None)), Is.Null);
            Assert.That(await InScopeAsync(r => r.FindAsync(unkeyed.Id, CancellationToken.None)), Is.Not.Null);
        });
    }

    [Test]
    public async Task Racing_orders_under_one_key_store_exactly_one()
    {
        var racers = Enumerable.Range(0, 8).Select(_ => Keyed(FingerprintA)).ToList();

        var added = await Task.WhenAll(racers.Select(order => InScopeAsync(repository => repository.TryAddAsync(order, CancellationToken.None))));

        Assert.That(added.Count(won => won), Is.EqualTo(1));
        Assert.That(await CountOrdersAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task The_same_key_may_be_used_by_another_user_and_orders_without_a_key_never_clash()
    {
        await InScopeAsync(repository => repository.TryAddAsync(Keyed(FingerprintA), CancellationToken.None));
        var otherUser = Order.Place(OrderId.New(), new UserId($"other-{Guid.NewGuid():N}"), [new RequestedLine(new ProductId("p1"), 1)], Noon, Key, FingerprintA);

        var added = await InScopeAsync(repository => repository.TryAddAsync(otherUser, CancellationToken.None));
        await InScopeAsync(repository => AddAsync(repository, Unkeyed(Noon)));
        await InScopeAsync(repository => AddAsync(repository, Unkeyed(Noon)));

        Assert.That(added, Is.True);
        Assert.That(await CountOrdersAsync(), Is.EqualTo(3));
    }

    [Test]
    public async Task The_unique_index_refuses_a_duplicate_key_written_around_the_repository()
    {
        await InScopeAsync(repository => repository.TryAddAsync(Keyed(FingerprintA), CancellationToken.None));

        await using var scope = _services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        var error = Assert.ThrowsAsync<PostgresException>(async () => await context.Database.ExecuteSqlAsync(
            $"INSERT INTO orders (id, user_id, status, created_at, updated_at, idempotency_key, request_fingerprint) VALUES ({Guid.NewGuid()}, {_user.Value}, 'pending', now(), now(), {Key.Value}, {new string('f', 64)})"));

        Assert.That(error!.ConstraintName, Is.EqualTo("ux_orders_user_id_idempotency_key"));
    }

    [Test]
    public async Task Read_sees_a_change_made_elsewhere_after_the_order_was_first_read()
    {
        var order = Keyed(FingerprintA);
        await InScopeAsync(repository => repository.TryAddAsync(order, CancellationToken.None));
        await using var scope = _services.CreateAsyncScope();
        var repository = scope.ServiceProvider.GetRequiredService<IOrderRepository>();
        await repository.FindAsync(order.Id, CancellationToken.None);

        await InScopeAsync(async other =>
        {
            var found = (await other.FindAsync(order.Id, CancellationToken.None))!;
            found.Reject("insufficient stock", Noon.AddSeconds(1));
            await other.UpdateAsync(found, CancellationToken.None);
        });
        var fresh = await repository.ReadAsync(order.Id, CancellationToken.None);

        Assert.That(fresh?.Status, Is.EqualTo(OrderStatus.Rejected));
    }

    [Test]
    public async Task Listing_pages_through_orders_newest_first_including_orders_placed_at_the_same_instant()
    {
        var placed = new List<Order>();
        foreach (var createdAt in new[] { Noon, Noon, Noon.AddSeconds(1), Noon.AddSeconds(1), Noon.AddSeconds(1), Noon.AddSeconds(2) })
        {
            var order = Unkeyed(createdAt);
            placed.Add(order);
            await InScopeAsync(repository => AddAsync(repository, order));
        }

        var pages = new List<IReadOnlyList<Order>>();
        OrderCursor? after = null;
        do
        {
            var page = await InScopeAsync(repository => repository.ListByUserAsync(_user, after, 2, CancellationToken.None));
            pages.Add(page);
            after = page.Count == 2 ? new OrderCursor(page[^1].CreatedAt, page[^1].Id) : null;
        }
        while (after is not null);

        var listed = pages.SelectMany(page => page).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(order => order.Id), Is.EquivalentTo(placed.Select(order => order.Id)), "each order exactly once");
            Assert.That(listed.Select(order => order.CreatedAt), Is.Ordered.Descending);
            Assert.That(listed[0].Lines, Has.Count.EqualTo(1), "lines come with each order");
        });
    }

    [Test]
    public async Task Listing_shows_only_the_users_own_orders()
    {
        await InScopeAsync(repository => AddAsync(repository, Unkeyed(Noon)));
        await InScopeAsync(repository => AddAsync(repository, Order.Place(OrderId.New(), new UserId("someone-else"), [new RequestedLine(new ProductId("p1"), 1)], Noon)));

        var page = await InScopeAsync(repository => repository.ListByUserAsync(_user, null, 10, CancellationToken.None));

        Assert.That(page.Select(order => order.UserId), Is.EqualTo(new[] { _user }));
    }

    private Order Keyed(string fingerprint) =>
        Order.Place(OrderId.New(), _user, [new RequestedLine(new ProductId("p1"), 1)], Noon, Key, fingerprint);

    private Order Unkeyed(DateTimeOffset createdAt) =>
        Order.Place(OrderId.New(), _user, [new RequestedLine(new ProductId("p1"), 1)], createdAt);

    private static async Task<bool> AddAsync(IOrderRepository repository, Order order)
    {
        await repository.AddAsync(order, CancellationToken.None);
        return true;
    }

    private async Task<T> InScopeAsync<T>(Func<IOrderRepository, Task<T>> act)
    {
        await using var scope = _services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<IOrderRepository>());
    }

    private async Task InScopeAsync(Func<IOrderRepository, Task> act)
    {
        await using var scope = _services.CreateAsyncScope();
        await act(scope.ServiceProvider.GetRequiredService<IOrderRepository>());
    }

    private async Task<int> CountOrdersAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        return await context.Orders.CountAsync(order => order.UserId == _user);
    }
}
