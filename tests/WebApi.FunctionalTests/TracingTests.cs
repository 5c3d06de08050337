using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Orders.Operations;

namespace Orders.WebApi.FunctionalTests;

/// <summary>
/// Spans are recorded only when something receives them: every host pays for the tracing it exports, and nothing for
/// the tracing it does not.
/// </summary>
public sealed class TracingTests
{
    [Test]
    public void Without_an_otlp_endpoint_spans_carry_the_trace_but_are_not_recorded()
    {
        using var span = StartSpanUnder(otlpEndpoint: null);

        Assert.That(span, Is.Not.Null, "the trace id still flows to log scopes and outgoing calls");
        Assert.That(span!.Recorded, Is.False);
    }

    [Test]
    public void With_an_otlp_endpoint_spans_are_recorded()
    {
        using var span = StartSpanUnder(otlpEndpoint: "http://127.0.0.1:4317");

        Assert.That(span?.Recorded, Is.True);
    }

    /// <summary>A root span of a source of this test's own, so no other tracer provider in the process decides it.</summary>
    private static Activity? StartSpanUnder(string? otlpEndpoint)
    {
        var sourceName = $"Orders.Tests.Tracing.{Guid.NewGuid():N}";
        var settings = new Dictionary<string, string?> { [HostObservability.OtlpEndpointSetting] = otlpEndpoint };
        var services = new ServiceCollection()
            .AddLogging()
            .AddObservability(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), "tracing-test", [sourceName], []);
        using var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<TracerProvider>();
        using var source = new ActivitySource(sourceName);
        return source.StartActivity("probe");
    }
}
