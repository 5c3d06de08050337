using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Orders.Operations;

namespace Orders.WebApi.FunctionalTests;

/// <summary>
/// Spans are recorded only when something receives them: every host pays for the tracing it exports, and nothing for
/// the tracing it does not. The trace itself flows either way.
/// </summary>
public sealed class TracingTests
{
    [Test]
    public void Without_an_otlp_endpoint_no_tracer_runs_and_no_span_is_made()
    {
        var sourceName = NewSourceName();
        using var provider = HostServices(otlpEndpoint: null, sourceName).BuildServiceProvider();
        using var source = new ActivitySource(sourceName);

        Assert.That(provider.GetService<TracerProvider>(), Is.Null);
        Assert.That(source.StartActivity("probe"), Is.Null, "no listener, so libraries skip preparing spans");
    }

    [Test]
    public async Task Without_an_otlp_endpoint_an_outgoing_call_still_carries_the_requests_trace()
    {
        using var provider = HostServices(otlpEndpoint: null, NewSourceName()).AddHttpClient().BuildServiceProvider();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var headers = AnswerOneRequestAsync(listener);

        // What ASP.NET Core starts for every request when its logs are on, spans recorded or not.
        using var request = new Activity("Microsoft.AspNetCore.Hosting.HttpRequestIn").Start();
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient();
        client.Timeout = TimeSpan.FromSeconds(5);
        using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await headers, Does.Contain($"traceparent: 00-{request.TraceId}-"));
    }

    [Test]
    public void With_an_otlp_endpoint_spans_are_recorded()
    {
        var sourceName = NewSourceName();
        using var provider = HostServices(otlpEndpoint: "http://127.0.0.1:4317", sourceName).BuildServiceProvider();
        _ = provider.GetRequiredService<TracerProvider>();
        using var source = new ActivitySource(sourceName);

        using var span = source.StartActivity("probe");

        Assert.That(span?.Recorded, Is.True);
    }

    /// <summary>A source of this test's own, so no other tracer provider in the process decides its spans.</summary>
    private static string NewSourceName() => $"Orders.Tests.Tracing.{Guid.NewGuid():N}";

    private static IServiceCollection HostServices(string? otlpEndpoint, string sourceName)
    {
        var settings = new Dictionary<string, string?> { [HostObservability.OtlpEndpointSetting] = otlpEndpoint };
        return new ServiceCollection()
            .AddLogging()
            .AddObservability(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), "tracing-test", [sourceName], []);
    }

    /// <summary>Reads one request's head and answers it with 204; returns the head.</summary>
    private static async Task<string> AnswerOneRequestAsync(TcpListener listener)
    {
        using var connection = await listener.AcceptTcpClientAsync();
        var buffer = new byte[8192];
        var head = new StringBuilder();
        var stream = connection.GetStream();
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                break;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        await stream.WriteAsync("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n"u8.ToArray());
        return head.ToString();
    }
}
