using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Orders.Testing;

/// <summary>
/// A throwaway RabbitMQ node from Debian's <c>rabbitmq-server</c>: free loopback ports, its own epmd, its data, logs and
/// Erlang cookie in a temp folder. A watchdog shell runs epmd and the node as its children and stops both and deletes
/// the folder within a second of the test process exiting, however it exits (epmd would otherwise stay behind).
/// </summary>
internal sealed class LocalRabbitMq
{
    /// <summary>Runs as the invoking user; /usr/sbin/rabbitmq-server would switch to the rabbitmq user when root.</summary>
    private const string DebianBinaries = "/usr/lib/rabbitmq/bin";
    private const string Shell = "/bin/bash";
    private static readonly TimeSpan ControlTimeout = TimeSpan.FromMinutes(1);

    /// <summary>Erlang distribution, like epmd and AMQP, on loopback only.</summary>
    private const string LoopbackDistribution = "-kernel inet_dist_use_interface {127,0,0,1}";

    private const string Watchdog = """
        epmd -port "$ERL_EPMD_PORT" & epmd=$!
        for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$ERL_EPMD_PORT") 2>/dev/null && break; sleep 0.1; done
        "$1" & server=$!
        trap 'kill -TERM $server 2>/dev/null; wait $server; kill $epmd 2>/dev/null; rm -rf "$HOME"' EXIT
        trap 'exit 1' INT TERM
        while kill -0 "$ORDERS_TEST_PROCESS" 2>/dev/null && kill -0 $server 2>/dev/null; do sleep 1; done
        """;

    private readonly Dictionary<string, string> _environment;
    private readonly string _control;

    private LocalRabbitMq(Uri amqpUri, Dictionary<string, string> environment, string control)
    {
        AmqpUri = amqpUri;
        _environment = environment;
        _control = control;
    }

    public Uri AmqpUri { get; }

    public static async Task<LocalRabbitMq?> TryStartAsync(List<string> reasons, TimeSpan readyTimeout)
    {
        var binaries = FindBinaries();
        if (binaries is null || !File.Exists(Shell) || !OnPath("epmd"))
        {
            reasons.Add($"rabbitmq-server is neither in {DebianBinaries} nor on PATH (apt-get install rabbitmq-server)");
            return null;
        }

        var root = Directory.CreateTempSubdirectory("orders-rabbitmq-").FullName;
        var plugins = Path.Combine(root, "enabled_plugins");
        await File.WriteAllTextAsync(plugins, "[].").ConfigureAwait(false);
        var (nodePort, distPort, epmdPort) = FreePorts();
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = root,
            ["RABBITMQ_NODENAME"] = $"orders-test-{Environment.ProcessId}@localhost",
            ["RABBITMQ_NODE_IP_ADDRESS"] = IPAddress.Loopback.ToString(),
            ["RABBITMQ_NODE_PORT"] = nodePort.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = distPort.ToString(CultureInfo.InvariantCulture),
            ["ERL_EPMD_PORT"] = epmdPort.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(root, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(root, "log"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = plugins,
            ["ERL_EPMD_ADDRESS"] = IPAddress.Loopback.ToString(),
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = LoopbackDistribution,
        };

        var start = new ProcessStartInfo(Shell)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-c", Watchdog, "watchdog", Path.Combine(binaries, "rabbitmq-server") })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["ORDERS_TEST_PROCESS"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var process = Process.Start(start);
        if (process is null)
        {
            reasons.Add("the rabbitmq-server watchdog did not start");
            return null;
        }

        // Drained so a chatty node never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var amqpUri = new Uri($"amqp://guest:guest@{IPAddress.Loopback}:{nodePort}/");
        try
        {
            await RabbitMqServer.WaitUntilAcceptingAsync(amqpUri, readyTimeout).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            reasons.Add($"a local node did not accept connections within {readyTimeout} ({exception.Message}); its logs: {root}/log");
            process.Kill(entireProcessTree: true);
            return null;
        }

        return new LocalRabbitMq(amqpUri, environment, Path.Combine(binaries, "rabbitmqctl"));
    }

    /// <summary>Runs <c>rabbitmqctl</c> against this node (its name, epmd port and cookie come from the environment).</summary>
    public async Task ControlAsync(string command)
    {
        var start = new ProcessStartInfo(_control)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-q");
        start.ArgumentList.Add(command);
        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("rabbitmqctl did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ControlTimeout);
        await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {command} exited with {process.ExitCode}: {await error.ConfigureAwait(false)} {await output.ConfigureAwait(false)}");
        }
    }

    private static string? FindBinaries()
    {
        if (File.Exists(Path.Combine(DebianBinaries, "rabbitmq-server")))
        {
            return DebianBinaries;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(directory => File.Exists(Path.Combine(directory, "rabbitmq-server")) && File.Exists(Path.Combine(directory, "rabbitmqctl")));
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, program)));

    /// <summary>Three distinct free ports: each listener is held until all three are picked.</summary>
    private static (int Node, int Distribution, int Epmd) FreePorts()
    {
        var listeners = Enumerable.Range(0, 3).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(listener => listener.Start());
            var ports = listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port).ToList();
            return (ports[0], ports[1], ports[2]);
        }
        finally
        {
            listeners.ForEach(listener => listener.Stop());
        }
    }
}
