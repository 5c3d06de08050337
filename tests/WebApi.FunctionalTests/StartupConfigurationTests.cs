using System.Diagnostics;
using Orders.Testing;
using Orders.WebApi.FunctionalTests.EndToEnd;

namespace Orders.WebApi.FunctionalTests;

/// <summary>A host started from its build output with a bad setting stops at once with one readable line naming it.</summary>
public sealed class StartupConfigurationTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    [Test]
    public async Task The_api_refuses_to_start_without_the_orders_connection_string()
    {
        var (exitCode, stderr) = await RunAsync("WebApi", new() { ["ConnectionStrings__Orders"] = "" });

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(stderr.Trim(), Is.EqualTo(
                "Invalid configuration: ConnectionStrings:Orders is missing: set the PostgreSQL connection string of the orders database."));
        });
    }

    [Test]
    public async Task The_api_refuses_to_start_with_a_service_address_that_is_not_a_url()
    {
        var (exitCode, stderr) = await RunAsync("WebApi", new() { ["Services__Inventory__Address"] = "inventory:5001" });

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(stderr.Trim().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(stderr, Does.StartWith("Invalid configuration: Services:Inventory:Address must be an absolute http or https address"));
        });
    }

    [Test]
    public async Task The_payment_host_refuses_to_start_without_the_payments_connection_string()
    {
        var (exitCode, stderr) = await RunAsync("PaymentHost", new() { ["ConnectionStrings__Payments"] = "" });

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(stderr.Trim(), Is.EqualTo(
                "Invalid configuration: ConnectionStrings:Payments is missing: set the PostgreSQL connection string of the payments database."));
        });
    }

    [TestCase("PaymentHost")]
    [TestCase("InventoryHost")]
    [TestCase("WebApi")]
    public async Task A_host_refuses_to_start_on_a_port_that_is_not_a_number(string project)
    {
        var (exitCode, stderr) = await RunAsync(project, new() { ["HTTP_PORTS"] = "5001x" });

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(stderr.Trim(), Is.EqualTo(
                "Invalid configuration: http_ports (HTTP_PORTS) must be ports 1..65535 separated by ';' (was '5001x')."));
        });
    }

    [Test]
    public async Task The_api_says_in_one_line_that_postgresql_does_not_answer_and_exits_2()
    {
        var (exitCode, stderr) = await RunAsync("WebApi", new()
        {
            ["ConnectionStrings__Orders"] = $"Host=127.0.0.1;Port={HostProcess.FreePort()};Database=orders;Username=postgres;Timeout=2",
            ["HTTP_PORTS"] = $"{HostProcess.FreePort()}",
            ["Startup__Attempts"] = "2",
            ["Startup__Interval"] = "00:00:00.200",
        });

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(stderr.Trim().Split('\n'), Has.Length.EqualTo(1), stderr);
            Assert.That(stderr, Does.StartWith("Cannot start: PostgreSQL does not answer at ConnectionStrings:Orders"));
            Assert.That(stderr, Does.Contain("./build.sh --target=Run starts one"));
        });
    }

    [Test]
    public async Task The_inventory_says_in_one_line_that_mongodb_does_not_answer_and_exits_2()
    {
        var (exitCode, stderr) = await RunAsync("InventoryHost", new()
        {
            ["Inventory__Mongo__ConnectionString"] = $"mongodb://127.0.0.1:{HostProcess.FreePort()}",
            ["HTTP_PORTS"] = $"{HostProcess.FreePort()}",
            ["Startup__Attempts"] = "2",
            ["Startup__Interval"] = "00:00:00.200",
        });

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(stderr.Trim().Split('\n'), Has.Length.EqualTo(1), stderr);
            Assert.That(stderr, Does.StartWith("Cannot start: MongoDB does not answer at Inventory:Mongo:ConnectionString"));
        });
    }

    private static async Task<(int ExitCode, string Stderr)> RunAsync(string project, Dictionary<string, string> environment)
    {
        var assembly = Path.Combine(HostProcess.RepositoryRoot, "src", project, "bin", HostProcess.Configuration, "net10.0", $"Orders.{project}.dll");
        var info = new ProcessStartInfo("dotnet", [assembly])
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Everything else valid, so the one bad setting under test is the only line printed.
        info.Environment[TestServiceKey.EnvironmentVariable] = TestServiceKey.Value;
        info.Environment["Auth__Enabled"] = "false";
        info.Environment["ConnectionStrings__Payments"] = "Host=127.0.0.1;Database=payments;Username=postgres";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ExitTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"Orders.{project} did not stop within {ExitTimeout}: {await stdout}");
        }

        return (process.ExitCode, await stderr);
    }
}
