using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Orders.WebApi.FunctionalTests.EndToEnd;

/// <summary>
/// Operations end to end: one W3C trace from the API through both gRPC hosts, the hosts' metrics over their
/// HTTP/2 port, and the hosts' container health check.
/// </summary>
[NonParallelizable]
public sealed class ObservabilityJourneyTests
{
    private static readonly TimeSpan LogWait = TimeSpan.FromSeconds(5);

    private RunningSystem _system = null!;

    private RunningSystem System => _system;

    /// <summary>A system of its own, whose hosts log every request.</summary>
    [OneTimeSetUp]
    public async Task StartAsync() => _system = await RunningSystem.StartAsync(RunningSystem.RequestLogging);

    [OneTimeTearDown]
    public async Task StopAsync() => await _system.DisposeAsync();

    [Test]
    public async Task One_trace_id_follows_an_order_from_the_api_into_inventory_and_payment()
    {
        var product = await System.NewProductAsync(available: 5);
        var traceId = ActivityTraceId.CreateRandom();

        using var response = await PostOrderAsync(product, traceparent: $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var spans = System.Spans.InTrace(traceId);
        Assert.Multiple(() =>
        {
            Assert.That(spans.Select(span => span.DisplayName), Has.Member("CreateOrderCommand"), "the mediator's span");
            Assert.That(spans.Count(span => span.Kind == ActivityKind.Client && span.DisplayName.StartsWith("POST", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(3),
                "the gRPC calls Reserve, Charge and Commit");
        });
        Assert.That(await LoggedAsync(System.Inventory, traceId), Is.True, "Inventory logged the request under the same trace id");
        Assert.That(await LoggedAsync(System.Payment, traceId), Is.True, "Payment logged the request under the same trace id");
    }

    [Test]
    public async Task Inventory_counts_reservations_by_outcome_on_its_metrics_endpoint()
    {
        var product = await System.NewProductAsync(available: 5);
        using var placed = await PostOrderAsync(product, traceparent: null);

        var metrics = await ScrapeOverHttp2Async(System.Inventory.Address);

        Assert.That(placed.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(metrics, Does.Match("""inventory_reservations_total\{[^}]*outcome="reserved"[^}]*\} [1-9]"""));
    }

    [Test]
    public async Task Saga_steps_are_counted_in_millisecond_buckets()
    {
        var product = await System.NewProductAsync(available: 5);
        using var placed = await PostOrderAsync(product, traceparent: null);

        var metrics = await System.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.That(placed.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(metrics, Does.Match("""orders_saga_step_duration_seconds_bucket\{[^}]*step="reserve"[^}]*le="0.005"\}"""));
        Assert.That(metrics, Does.Not.Contain("orders_saga_step_duration_seconds_bucket{otel_scope_name=\"Orders.Application\",step=\"reserve\",le=\"10000\"}"));
    }

    [Test]
    public void Json_log_lines_carry_rfc_3339_utc_timestamps()
    {
        var timestamps = System.Inventory.Output.Split('\n')
            .Where(line => line.StartsWith('{'))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("Timestamp").GetString())
            .ToList();

        Assert.That(timestamps, Is.Not.Empty);
        Assert.That(timestamps, Has.All.Match(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$"));
    }

    [TestCase("InventoryHost")]
    [TestCase("PaymentHost")]
    public async Task A_grpc_host_passes_its_container_health_check(string project)
    {
        var host = project == "InventoryHost" ? System.Inventory : System.Payment;
        var info = new ProcessStartInfo("dotnet", [host.AssemblyPath, "--health-check"])
        {
            Environment = { ["HTTP_PORTS"] = host.Address.Port.ToString(CultureInfo.InvariantCulture) },
            WorkingDirectory = Path.GetDirectoryName(host.AssemblyPath)!,
            RedirectStandardOutput = true,
        };

        using var probe = Process.Start(info)!;
        var output = await probe.StandardOutput.ReadToEndAsync();
        await probe.WaitForExitAsync();

        Assert.That(probe.ExitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("/healthz: 200"));
    }

    private async Task<HttpResponseMessage> PostOrderAsync(string productId, string? traceparent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/orders")
        {
            Content = new StringContent($$"""{"user_id":"u-trace","items":[{"product_id":"{{productId}}","quantity":1}]}""", Encoding.UTF8, "application/json"),
        };
        if (traceparent is not null)
        {
            request.Headers.Add("traceparent", traceparent);
        }

        return await System.Http.SendAsync(request);
    }

    private static async Task<string> ScrapeOverHttp2Async(Uri host)
    {
        using var http = new HttpClient
        {
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        return await http.GetStringAsync(new Uri(host, "/metrics"));
    }

    /// <summary>The JSON log line of the request carries the trace id in its scopes; it may be flushed a moment later.</summary>
    private static async Task<bool> LoggedAsync(HostProcess host, ActivityTraceId traceId)
    {
        var deadline = DateTime.UtcNow + LogWait;
        while (!host.Output.Contains($"\"TraceId\": \"{traceId}\"", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return host.Output.Contains(traceId.ToString(), StringComparison.Ordinal);
    }
}
