using System.Diagnostics;
using Orders.Application.Common;
using Orders.Application.Orders.CreateOrder;

namespace Orders.UnitTests.Application;

public sealed class TracingBehaviorTests
{
    private readonly TracingBehavior<CreateOrderCommand, CreateOrderResult> _behavior = new();
    private readonly List<Activity> _spans = [];
    private ActivityListener _listener = null!;

    [SetUp]
    public void Listen()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == OrdersTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [TearDown]
    public void StopListening() => _listener.Dispose();

    /// <summary>Other tests may run handlers at the same time: only spans under this test's own root count.</summary>
    private static Activity StartRoot() => new Activity(nameof(TracingBehaviorTests)).Start();

    private Activity SpanUnder(Activity root)
    {
        lock (_spans)
        {
            return _spans.Single(span => span.TraceId == root.TraceId);
        }
    }

    private void Record(Activity span)
    {
        lock (_spans)
        {
            _spans.Add(span);
        }
    }

    [Test]
    public async Task A_message_is_handled_inside_a_span_named_after_it_that_records_the_outcome()
    {
        Activity? during = null;
        using var root = StartRoot();

        await _behavior.Handle(
            new CreateOrderCommand("u1", [new("p1", 1)]),
            (_, _) =>
            {
                during = Activity.Current;
                return new ValueTask<CreateOrderResult>(new CreateOrderResult.DependencyUnavailable("inventory", null));
            },
            CancellationToken.None);

        var span = SpanUnder(root);
        Assert.Multiple(() =>
        {
            Assert.That(span.DisplayName, Is.EqualTo(nameof(CreateOrderCommand)));
            Assert.That(during, Is.SameAs(span), "the handler runs inside the span");
            Assert.That(span.GetTagItem("orders.result"), Is.EqualTo(nameof(CreateOrderResult.DependencyUnavailable)));
        });
    }

    [Test]
    public void A_handler_that_throws_marks_its_span_as_an_error()
    {
        using var root = StartRoot();

        Assert.That(
            async () => await _behavior.Handle(
                new CreateOrderCommand("u1", [new("p1", 1)]),
                (_, _) => throw new InvalidOperationException("a bug"),
                CancellationToken.None),
            Throws.InvalidOperationException);

        Assert.That(SpanUnder(root).Status, Is.EqualTo(ActivityStatusCode.Error));
    }
}
