using System.Text.Json;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Orders.Application.Common;
using Orders.Application.Orders.CreateOrder;
using Orders.MicroBenchmarks;
using Orders.WebApi.Orders;

namespace Orders.UnitTests.Benchmarks;

/// <summary>
/// The micro-benchmarks measure what their names say: the order is confirmed through the WebApi's own pipeline,
/// and every baseline does the same work as what it is set against. Each benchmark body runs once here.
/// </summary>
public sealed class MicroBenchmarkTests
{
    [TestCase(1)]
    [TestCase(10)]
    public async Task The_benchmark_order_is_confirmed_through_the_mediator(int lines)
    {
        var benchmarks = new PlaceOrderBenchmarks { Lines = lines };
        await benchmarks.SetUpAsync();
        try
        {
            var result = await benchmarks.MediatorInRequestScope();

            var order = ((CreateOrderResult.Confirmed)result).Order;
            Assert.That(order.Items, Has.Count.EqualTo(lines));
            Assert.That(order.Total, Is.EqualTo(OrderSamples.UnitPrice * OrderSamples.Quantity * lines));
        }
        finally
        {
            await benchmarks.CleanUpAsync();
        }
    }

    [Test]
    public async Task The_mediator_benchmark_runs_the_web_apis_tracing_and_validation_behaviors()
    {
        await using var services = WebApiComposition.WithInstantPorts(1);
        await using var scope = services.CreateAsyncScope();

        var behaviors = scope.ServiceProvider.GetServices<IPipelineBehavior<CreateOrderCommand, CreateOrderResult>>();

        Assert.That(
            behaviors.Select(behavior => behavior.GetType()),
            Is.EqualTo(new[] { typeof(TracingBehavior<CreateOrderCommand, CreateOrderResult>), typeof(ValidationBehavior<CreateOrderCommand, CreateOrderResult>) }));
    }

    [Test]
    public void The_json_benchmark_reads_the_body_a_client_sends()
    {
        var benchmarks = new OrderJsonBenchmarks { Lines = 1 };
        benchmarks.SetUp();

        Assert.That(benchmarks.WireBody, Is.EqualTo("""{"user_id":"u1","items":[{"product_id":"p1","quantity":2}]}"""));
    }

    [Test]
    public void The_json_benchmark_reads_as_strictly_as_the_web_api() =>
        Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize<CreateOrderRequest>("""{"user_id":"u1","items":[],"coupon":"x"}""", WebApiComposition.WireJsonOptions()));

    [TestCase(1)]
    [TestCase(10)]
    public void The_json_baseline_reads_and_writes_the_same_order(int lines)
    {
        var benchmarks = new OrderJsonBenchmarks { Lines = lines };
        benchmarks.SetUp();
        var expected = OrderSamples.Request(lines);

        foreach (var request in new[] { benchmarks.ReadWithWireOptions(), benchmarks.ReadWithWebDefaults() })
        {
            Assert.That(request!.UserId, Is.EqualTo(expected.UserId));
            Assert.That(request.Items, Is.EqualTo(expected.Items));
        }

        benchmarks.WriteWithWireOptions();
        var wire = benchmarks.Written;
        benchmarks.WriteWithWebDefaults();
        var web = benchmarks.Written;
        // The same document but for how its keys are spelled (status_reason, statusReason).
        Assert.That(wire, Does.Contain("\"status_reason\":null"));
        Assert.That(wire.Replace("_", "", StringComparison.Ordinal), Is.EqualTo(web).IgnoreCase);
    }

    [Test]
    public void The_inventory_host_benchmark_maps_every_line_both_ways()
    {
        var benchmarks = new InventoryHostMappingBenchmarks { Lines = 10 };
        benchmarks.SetUp();

        Assert.That(benchmarks.ReadReserveRequest(), Has.Count.EqualTo(10));
        Assert.That(benchmarks.WriteReserveReply().Reserved.Lines, Has.Count.EqualTo(10));
    }

    [Test]
    public void The_ledgers_commands_built_from_names_render_as_the_typed_expressions_do()
    {
        var benchmarks = new LedgerCommandBenchmarks();

        var take = benchmarks.TakeFromNames();
        Assert.That(take, Is.EqualTo(benchmarks.TakeFromExpressions()));
        Assert.That(take.Filter.ElementCount, Is.EqualTo(3), "product id, enough units, no hold of this reservation yet");
        Assert.That(benchmarks.CommitFromNames(), Is.EqualTo(benchmarks.CommitFromExpressions()));
        Assert.That(benchmarks.ConfirmFromNames(), Is.EqualTo(benchmarks.ConfirmFromExpressions()));
    }
}
