using Orders.Bench;

namespace Orders.UnitTests.Benchmarks;

/// <summary>Bytes the hosts allocate per order: read from each host's runtime meter, told apart by host, per full-system order.</summary>
public sealed class AllocationsPerOrderTests
{
    [Test]
    public void Each_host_s_bytes_come_from_its_own_page_and_a_page_without_the_counter_gives_none()
    {
        List<MetricSample> webApi = [Sample(HostCommands.AllocatedBytes, 2_000_000), Sample("orders_placed_total", 7)];
        List<MetricSample> inventory = [Sample(HostCommands.AllocatedBytes, 500_000)];
        List<MetricSample> payment = [Sample("db_client_operation_duration_seconds_count", 3)];

        var allocated = HostCommands.Allocations([("WebApi", webApi), ("InventoryHost", inventory), ("PaymentHost", payment)]);

        Assert.That(allocated, Is.EqualTo(new Dictionary<string, long> { ["WebApi"] = 2_000_000, ["InventoryHost"] = 500_000 }));
    }

    [Test]
    public void The_window_s_growth_is_reported_per_full_system_order_in_kilobytes_and_never_for_the_store_runs()
    {
        var before = new CommandTotals(Counts(), Counts(), Counts(), Counts(("WebApi", 1_000_000), ("InventoryHost", 400_000)));
        var after = new CommandTotals(Counts(), Counts(), Counts(), Counts(("WebApi", 1_000_000 + (40 * 1024 * 1000)), ("InventoryHost", 400_000 + (20 * 1024 * 1000))));
        var count = CommandCount.Between(HostCommands.Name, before, after, orders: 1000, seconds: 10)!;
        var http = new RunReport("http", Measured("full system") with { Commands = [count] }, null);
        var raw = new RunReport("raw", Measured("raw storage") with { Commands = [count] }, null);

        var markdown = new BenchReport(DateTimeOffset.UnixEpoch, "test", BenchSettings.From(new BenchOptions()), [raw, http]).ToMarkdown();

        Assert.Multiple(() =>
        {
            Assert.That(count.Allocated, Is.EqualTo(new Dictionary<string, long> { ["WebApi"] = 40 * 1024 * 1000, ["InventoryHost"] = 20 * 1024 * 1000 }));
            Assert.That(markdown, Does.Contain("- full system: WebApi 40.0 · InventoryHost 20.0 · total 60.0"));
            Assert.That(markdown, Does.Not.Contain("- raw storage: WebApi"), "while only the stores are loaded, the hosts' bytes are no order's");
            Assert.That(CommandCount.Between(HostCommands.Name, before with { Allocated = null }, after, 1000, 10)!.Allocated, Is.Null, "a reading without the counter gives no growth");
        });
    }

    private static MetricSample Sample(string name, double value) => new(name, new Dictionary<string, string>(), value);

    private static Dictionary<string, long> Counts(params (string Key, long Count)[] counts) =>
        counts.ToDictionary(pair => pair.Key, pair => pair.Count, StringComparer.Ordinal);

    private static Measurement Measured(string name) =>
        new(name, 32, 1000, 10, 100, new Latency(1, 2, 3, 4), new Dictionary<string, long> { ["201"] = 1000 });
}
