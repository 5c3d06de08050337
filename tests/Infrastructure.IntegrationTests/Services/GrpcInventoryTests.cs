using System.Diagnostics;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Orders.Application.Abstractions;
using Orders.Contracts.Inventory.V1;
using Orders.Domain.Common;
using Orders.Domain.Orders;
using ContractMoney = Orders.Contracts.Common.V1.Money;

namespace Orders.Infrastructure.IntegrationTests.Services;

public sealed class GrpcInventoryTests
{

    [TestCase(ReservationStatus.Reserved, typeof(ReservationState.Reserved))]
    [TestCase(ReservationStatus.Pending, typeof(ReservationState.Reserved))]
    [TestCase(ReservationStatus.Committed, typeof(ReservationState.Committed))]
    [TestCase(ReservationStatus.Released, typeof(ReservationState.Released))]
    [TestCase(ReservationStatus.Rejected, typeof(ReservationState.Released))]
    [TestCase(ReservationStatus.Returned, typeof(ReservationState.Returned))]
    [TestCase(ReservationStatus.None, typeof(ReservationState.None))]
    public async Task Get_reservation_reports_what_the_inventory_holds(ReservationStatus status, Type expected)
    {
        var orderId = OrderId.New();
        string? asked = null;
        _inventory.OnGetReservation = request =>
        {
            asked = request.ReservationId;
            return Task.FromResult(new Reservation { ReservationId = request.ReservationId, Status = status });
        };

        var state = await Adapter.GetReservationAsync(orderId, CancellationToken.None);

        Assert.That(state, Is.TypeOf(expected));
        Assert.That(asked, Is.EqualTo(orderId.Value.ToString()));
    }

    [Test]
    public async Task Get_reservation_of_an_id_the_inventory_never_saw_is_none()
    {
        var state = await Adapter.GetReservationAsync(OrderId.New(), CancellationToken.None);

        Assert.That(state, Is.TypeOf<ReservationState.None>());
    }

    [Test]
    public async Task Get_reservation_is_unavailable_when_nothing_listens()
    {
        await using var services = Adapters.For(inventory: Adapters.NothingListens(), deadline: Adapters.ShortDeadline);

        var state = await services.GetRequiredService<IInventory>().GetReservationAsync(OrderId.New(), CancellationToken.None);

        Assert.That(state, Is.TypeOf<ReservationState.Unanswered>());
    }

    private static readonly ProductId Keyboard = new("keyboard");
    private static readonly ProductId Mouse = new("mouse");
    private static readonly RequestedLine[] Lines = [new(Keyboard, 2), new(Mouse, 1)];

    private ScriptedInventory _inventory = null!;
    private FakeGrpcServer _server = null!;
    private ServiceProvider _services = null!;

    [SetUp]
    public async Task StartInventory()
    {
        _inventory = new ScriptedInventory();
        _server = await FakeGrpcServer.StartAsync(_inventory);
        _services = Adapters.For(inventory: _server.Address);
    }

    [TearDown]
    public async Task StopInventory()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    private IInventory Adapter => _services.GetRequiredService<IInventory>();

    [Test]
    public async Task Reserve_sends_the_order_id_and_lines_and_returns_the_lines_priced_by_the_inventory()
    {
        _inventory.OnReserve = (_, _) => Task.FromResult(new ReserveReply
        {
            Reserved = new Reserved
            {
                Lines =
                {
                    new ReservedLine { ProductId = "keyboard", Quantity = 2, UnitPrice = ContractMoney.FromDecimal(49.90m, "EUR") },
                    new ReservedLine { ProductId = "mouse", Quantity = 1, UnitPrice = ContractMoney.FromDecimal(0.05m, "EUR") },
                },
            },
        });
        var orderId = OrderId.New();

        var outcome = await Adapter.ReserveAsync(orderId, Lines, CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<ReservationState.Reserved>());
        var sent = _inventory.Reserves.Single();
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Prices, Is.EqualTo(new[]
            {
                new PricedLine(Keyboard, new Money(49.90m, "EUR")),
                new PricedLine(Mouse, new Money(0.05m, "EUR")),
            }));
            Assert.That(sent.ReservationId, Is.EqualTo(orderId.Value.ToString()));
            Assert.That(sent.Lines.Select(line => (line.ProductId, line.Quantity)), Is.EqualTo(new[] { ("keyboard", 2), ("mouse", 1) }));
        });
    }

    [Test]
    public async Task Reserve_is_refused_with_every_shortage_and_unknown_product_the_inventory_names()
    {
        _inventory.OnReserve = (_, _) => Task.FromResult(new ReserveReply
        {
            Rejected = new Rejected
            {
                Shortages = { new Shortage { ProductId = "keyboard", Requested = 2, Available = 1 } },
                UnknownProductIds = { "mouse" },
            },
        });

        var outcome = await Adapter.ReserveAsync(OrderId.New(), Lines, CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<ReservationState.Rejected>());
        var refused = (ReservationState.Rejected)outcome;
        Assert.Multiple(() =>
        {
            Assert.That(refused.Shortages, Is.EqualTo(new[] { new StockShortage(Keyboard, Requested: 2, Available: 1) }));
            Assert.That(refused.UnknownProducts, Is.EqualTo(new[] { Mouse }));
        });
    }

    [Test]
    public async Task Reserve_is_retried_when_the_inventory_is_unavailable_once()
    {
        _inventory.OnReserve = (_, _) => _inventory.Reserves.Count == 1
            ? throw new RpcException(new Status(StatusCode.Unavailable, "warming up"))
            : Task.FromResult(new ReserveReply { Reserved = new Reserved { Lines = { PricedAt("keyboard", 1m), PricedAt("mouse", 1m) } } });

        var outcome = await Adapter.ReserveAsync(OrderId.New(), Lines, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.TypeOf<ReservationState.Reserved>());
            Assert.That(_inventory.Reserves, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task Reserve_is_unavailable_when_the_inventory_stays_unavailable_and_gives_up_after_three_attempts()
    {
        _inventory.OnReserve = (_, _) => throw new RpcException(new Status(StatusCode.Unavailable, "down for maintenance"));

        var outcome = await Adapter.ReserveAsync(OrderId.New(), Lines, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.TypeOf<ReservationState.Unanswered>());
            Assert.That(((ReservationState.Unanswered)outcome).Reason, Does.Contain("Unavailable"));
            Assert.That(_inventory.Reserves, Has.Count.EqualTo(3));
        });
    }

    [Test]
    public async Task Reserve_is_unavailable_once_the_deadline_passes_and_is_not_retried()
    {
        _inventory.OnReserve = async (_, context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.CancellationToken);
            return new ReserveReply();
        };
        await using var services = Adapters.For(inventory: _server.Address, deadline: Adapters.ShortDeadline);
        var clock = Stopwatch.StartNew();

        var outcome = await services.GetRequiredService<IInventory>().ReserveAsync(OrderId.New(), Lines, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.TypeOf<ReservationState.Unanswered>());
            Assert.That(((ReservationState.Unanswered)outcome).Reason, Does.Contain("DeadlineExceeded"));
            Assert.That(clock.Elapsed, Is.LessThan(Adapters.ShortDeadline + TimeSpan.FromSeconds(1)));
            Assert.That(_inventory.Reserves, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Reserve_is_unavailable_when_nothing_listens()
    {
        await using var services = Adapters.For(inventory: Adapters.NothingListens(), deadline: Adapters.ShortDeadline);
        var clock = Stopwatch.StartNew();

        var outcome = await services.GetRequiredService<IInventory>().ReserveAsync(OrderId.New(), Lines, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.TypeOf<ReservationState.Unanswered>());
            Assert.That(clock.Elapsed, Is.LessThan(Adapters.ShortDeadline + TimeSpan.FromSeconds(1)));
        });
    }

    [Test]
    public void Reserve_lets_a_rejected_request_surface_as_the_bug_it_is()
    {
        _inventory.OnReserve = (_, _) => throw new RpcException(new Status(StatusCode.InvalidArgument, "quantity must be positive"));

        Assert.That(
            () => Adapter.ReserveAsync(OrderId.New(), Lines, CancellationToken.None),
            Throws.TypeOf<RpcException>().With.Property(nameof(RpcException.StatusCode)).EqualTo(StatusCode.InvalidArgument));
    }

    [Test]
    public async Task Release_answers_released_and_names_the_reservation()
    {
        var orderId = OrderId.New();

        var outcome = await Adapter.ReleaseAsync(orderId, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.TypeOf<ReservationState.Released>());
            Assert.That(_inventory.Releases, Is.EqualTo(new[] { orderId.Value.ToString() }));
        });
    }

    [Test]
    public async Task Release_refused_after_commit_answers_committed()
    {
        _inventory.OnRelease = _ => throw new RpcException(new Status(StatusCode.FailedPrecondition, "already committed"));

        var outcome = await Adapter.ReleaseAsync(OrderId.New(), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<ReservationState.Committed>());
    }

    [Test]
    public async Task Release_is_unanswered_when_nothing_listens()
    {
        await using var services = Adapters.For(inventory: Adapters.NothingListens(), deadline: Adapters.ShortDeadline);

        var outcome = await services.GetRequiredService<IInventory>().ReleaseAsync(OrderId.New(), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<ReservationState.Unanswered>());
    }

    [Test]
    public async Task Commit_answers_committed_and_names_the_reservation()
    {
        var orderId = OrderId.New();

        var outcome = await Adapter.CommitAsync(orderId, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.TypeOf<ReservationState.Committed>());
            Assert.That(_inventory.Commits, Is.EqualTo(new[] { orderId.Value.ToString() }));
        });
    }

    [TestCase(StatusCode.NotFound, typeof(ReservationState.None))]
    [TestCase(StatusCode.FailedPrecondition, typeof(ReservationState.Refused))]
    public async Task Commit_of_an_unknown_or_released_reservation_says_so(StatusCode status, Type answer)
    {
        _inventory.OnCommit = _ => throw new RpcException(new Status(status, "cannot commit"));

        var outcome = await Adapter.CommitAsync(OrderId.New(), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf(answer));
    }

    private static ReservedLine PricedAt(string productId, decimal price) =>
        new() { ProductId = productId, Quantity = 1, UnitPrice = ContractMoney.FromDecimal(price, "EUR") };
}
