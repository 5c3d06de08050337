using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orders.Application.Abstractions;
using Orders.Domain.Common;
using Orders.Domain.Orders;
using Orders.Infrastructure.Persistence;
using Orders.Testing;

namespace Orders.Infrastructure.IntegrationTests.Persistence;

public sealed class OrderRepositoryTests
{
    private static readonly ProductId Keyboard = new("keyboard");
    private static readonly ProductId Mouse = new("mouse");
    private static readonly UserId Alice = new("alice");

    private ServiceProvider _services = null!;
    private DateTimeOffset _now;

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        var server = await PostgresServer.GetOrIgnoreAsync();
        _services = InfrastructureServices.ForDatabase(await server.CreateDatabaseAsync("order_repository"));
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

    // PostgreSQL keeps microseconds; start from a whole second so every stored time reads back equal.
    [SetUp]
    public void StartTheClock() => _now = new DateTimeOffset(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task A_placed_order_reads_back_with_its_lines_and_no_prices_yet()
    {
        var order = Place();
        await InScopeAsync(repository => repository.AddAsync(order, CancellationToken.None));

        var found = await FindAsync(order.Id);

        Assert.That(found, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(found!.UserId, Is.EqualTo(Alice));
            Assert.That(found.Status, Is.EqualTo(OrderStatus.Pending));
            Assert.That(found.Total, Is.Null);
            Assert.That(found.StatusReason, Is.Null);
            Assert.That(found.CreatedAt, Is.EqualTo(_now));
            Assert.That(found.UpdatedAt, Is.EqualTo(_now));
            Assert.That(found.Lines.Select(line => (line.ProductId, line.Quantity, line.UnitPrice)),
                Is.EquivalentTo(new (ProductId, int, Money?)[] { (Keyboard, 2, null), (Mouse, 1, null) }));
        });
    }

    [Test]
    public async Task A_priced_order_and_then_its_confirmation_are_stored()
    {
        var order = Place();
        await using var scope = _services.CreateAsyncScope();
        var repository = scope.ServiceProvider.GetRequiredService<IOrderRepository>();
        await repository.AddAsync(order, CancellationToken.None);

        order.Price([new PricedLine(Keyboard, new Money(49.90m, "EUR")), new PricedLine(Mouse, new Money(19.05m, "EUR"))], Tick());
        await repository.UpdateAsync(order, CancellationToken.None);
        var reserved = await FindAsync(order.Id);

        Tick();
        order.Confirm(Tick());
        await repository.UpdateAsync(order, CancellationToken.None);
        var confirmed = await FindAsync(order.Id);

        Assert.Multiple(() =>
        {
            Assert.That(reserved!.Status, Is.EqualTo(OrderStatus.Pending));
            Assert.That(reserved.Total, Is.EqualTo(new Money(118.85m, "EUR")));
            Assert.That(reserved.Lines.Select(line => (line.ProductId, line.UnitPrice)),
                Is.EquivalentTo(new (ProductId, Money?)[] { (Keyboard, new Money(49.90m, "EUR")), (Mouse, new Money(19.05m, "EUR")) }));
            Assert.That(confirmed!.Status, Is.EqualTo(OrderStatus.Confirmed));
            Assert.That(confirmed.Total, Is.EqualTo(new Money(118.85m, "EUR")));
            Assert.That(confirmed.UpdatedAt, Is.EqualTo(_now));
            Assert.That(confirmed.CreatedAt, Is.EqualTo(_now.AddSeconds(-3)));
        });
    }

    [Test]
    public async Task A_declined_payment_is_stored_with_its_reason_under_its_snake_case_wire_name()
    {
        var order = Place();
        await using (var scope = _services.CreateAsyncScope())
        {
            var repository = scope.ServiceProvider.GetRequiredService<IOrderRepository>();
            await repository.AddAsync(order, CancellationToken.None);
            order.Price([new PricedLine(Keyboard, new Money(10m, "USD")), new PricedLine(Mouse, new Money(5m, "USD"))], Tick());
            await repository.UpdateAsync(order, CancellationToken.None);
            order.DeclinePayment("Card expired", Tick());
            await repository.UpdateAsync(order, CancellationToken.None);
        }

        var found = await FindAsync(order.Id);
        var stored = await StoredStatusAsync(order.Id);

        Assert.Multiple(() =>
        {
            Assert.That(found!.Status, Is.EqualTo(OrderStatus.PaymentDeclined));
            Assert.That(found.StatusReason, Is.EqualTo("Card expired"));
            Assert.That(found.Total, Is.EqualTo(new Money(25m, "USD")));
            Assert.That(stored, Is.EqualTo(("payment_declined", "USD")));
        });
    }

    [Test]
    public async Task A_rejected_order_keeps_its_reason_and_no_total()
    {
        var order = Place();
        await using (var scope = _services.CreateAsyncScope())
        {
            var repository = scope.ServiceProvider.GetRequiredService<IOrderRepository>();
            await repository.AddAsync(order, CancellationToken.None);
            order.Reject("Not enough keyboard in stock", Tick());
            await repository.UpdateAsync(order, CancellationToken.None);
        }

        var found = await FindAsync(order.Id);

        Assert.Multiple(() =>
        {
            Assert.That(found!.Status, Is.EqualTo(OrderStatus.Rejected));
            Assert.That(found.StatusReason, Is.EqualTo("Not enough keyboard in stock"));
            Assert.That(found.Total, Is.Null);
        });
    }

    [Test]
    public async Task Finding_an_unknown_order_gives_null()
    {
        var found = await FindAsync(OrderId.New());

        Assert.That(found, Is.Null);
    }

    // Either way round: a stale update that prices the lines must write neither the order nor its lines, as one
    // that fails the order must not overwrite the prices.
    [TestCase(true, TestName = "Of two concurrent updates to one order only the first is stored (reservation first)")]
    [TestCase(false, TestName = "Of two concurrent updates to one order only the first is stored (failure first)")]
    public async Task Of_two_concurrent_updates_to_one_order_only_the_first_is_stored(bool reservationFirst)
    {
        var order = Place();
        await InScopeAsync(repository => repository.AddAsync(order, CancellationToken.None));
        await using var first = _services.CreateAsyncScope();
        await using var second = _services.CreateAsyncScope();
        var (firstRepository, seenByFirst) = await ReadInAsync(first, order.Id);
        var (secondRepository, seenBySecond) = await ReadInAsync(second, order.Id);
        void Reserve(Order seen) =>
            seen.Price([new PricedLine(Keyboard, new Money(1m, "EUR")), new PricedLine(Mouse, new Money(2m, "EUR"))], Tick());
        void Fail(Order seen) => seen.Fail("Inventory unavailable", Tick());

        (reservationFirst ? (Action<Order>)Reserve : Fail)(seenByFirst);
        await firstRepository.UpdateAsync(seenByFirst, CancellationToken.None);
        (reservationFirst ? (Action<Order>)Fail : Reserve)(seenBySecond);

        Assert.That(
            () => secondRepository.UpdateAsync(seenBySecond, CancellationToken.None),
            Throws.TypeOf<OrderConcurrencyException>());
        var stored = await FindAsync(order.Id);
        Assert.Multiple(() =>
        {
            Assert.That(stored!.Status, Is.EqualTo(seenByFirst.Status));
            Assert.That(stored.Total, Is.EqualTo(seenByFirst.Total));
            Assert.That(stored.Lines.Select(line => (line.ProductId, line.UnitPrice)),
                Is.EquivalentTo(seenByFirst.Lines.Select(line => (line.ProductId, line.UnitPrice))));
        });
    }

    [Test]
    public async Task An_order_updated_twice_in_a_row_by_its_own_reader_is_not_a_conflict()
    {
        var order = Place();
        await InScopeAsync(repository => repository.AddAsync(order, CancellationToken.None));
        await using var scope = _services.CreateAsyncScope();
        var (repository, found) = await ReadInAsync(scope, order.Id);

        found.Price([new PricedLine(Keyboard, new Money(1m, "EUR")), new PricedLine(Mouse, new Money(2m, "EUR"))], Tick());
        await repository.UpdateAsync(found, CancellationToken.None);
        found.Fail("Payment unavailable", Tick());
        await repository.UpdateAsync(found, CancellationToken.None);

        Assert.That((await FindAsync(order.Id))!.Status, Is.EqualTo(OrderStatus.Failed));
    }

    [Test]
    public async Task A_new_order_of_the_most_lines_is_stored_whole_or_not_at_all()
    {
        // The insert runs as one batch without an explicit transaction: a line the server refuses must take the order
        // row and the lines before it down with it.
        RequestedLine[] lines =
        [
            .. Enumerable.Range(1, Order.MaxLines - 1).Select(i => new RequestedLine(new ProductId($"line-{i:D3}"), 1)),
            new RequestedLine(new ProductId("refused"), 1),
        ];
        var order = Order.Place(OrderId.New(), Alice, lines, _now);
        await ExecuteAsync("""
            CREATE FUNCTION refuse_line() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.product_id = 'refused' THEN RAISE EXCEPTION 'line refused'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER refuse_line BEFORE INSERT ON order_items FOR EACH ROW EXECUTE FUNCTION refuse_line();
            """);
        try
        {
            Assert.CatchAsync(() => InScopeAsync(repository => repository.AddAsync(order, CancellationToken.None)));
        }
        finally
        {
            await ExecuteAsync("DROP TRIGGER refuse_line ON order_items; DROP FUNCTION refuse_line();");
        }

        Assert.That(await FindAsync(order.Id), Is.Null);
        Assert.That(await CountLinesAsync(order.Id), Is.Zero);
    }

    private Order Place() =>
        Order.Place(OrderId.New(), Alice, [new RequestedLine(Keyboard, 2), new RequestedLine(Mouse, 1)], _now);

    private DateTimeOffset Tick() => _now = _now.AddSeconds(1);

    private async Task InScopeAsync(Func<IOrderRepository, Task> act)
    {
        await using var scope = _services.CreateAsyncScope();
        await act(scope.ServiceProvider.GetRequiredService<IOrderRepository>());
    }

    /// <summary>The order as a writer in <paramref name="scope"/> reads it, with the repository it will write through.</summary>
    private static async Task<(IOrderRepository Repository, Order Order)> ReadInAsync(AsyncServiceScope scope, OrderId id)
    {
        var repository = scope.ServiceProvider.GetRequiredService<IOrderRepository>();
        return (repository, (await repository.FindAsync(id, CancellationToken.None))!);
    }

    private async Task<Order?> FindAsync(OrderId id)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IOrderRepository>().FindAsync(id, CancellationToken.None);
    }

    private async Task<(string Status, string? Currency)> StoredStatusAsync(OrderId id)
    {
        await using var scope = _services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        var row = await context.Database
            .SqlQuery<StoredStatus>($"SELECT status, currency FROM orders WHERE id = {id.Value}")
            .SingleAsync();
        return (row.Status, row.Currency);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OrdersDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    private async Task<int> CountLinesAsync(OrderId id)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrdersDbContext>().Database
            .SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM order_items WHERE order_id = {id.Value}")
            .SingleAsync();
    }

    private sealed record StoredStatus(string Status, string? Currency);
}
