using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Orders.Testing;

/// <summary>
/// A throwaway <c>mongod</c> process on a free port with an empty temporary dbpath; killed by <see cref="DisposeAsync"/>
/// or, at the latest, within a second of the test process exiting. A watchdog shell does the latter: a ProcessExit
/// handler is cut short when the test host is torn down, leaving the server running.
/// </summary>
internal sealed partial class LocalMongod : IAsyncDisposable
{
    private const string ReadyMessage = "\"msg\":\"Waiting for connections\"";
    private const int LinesKeptForErrors = 20;
    private const string Shell = "/bin/bash";

    /// <summary>Runs the server as a child and kills it within a second of the test process dying, however it dies.</summary>
    private const string Watchdog = """
        "$@" & server=$!
        trap 'kill $server 2>/dev/null' EXIT INT TERM
        while kill -0 "$ORDERS_TEST_PROCESS" 2>/dev/null && kill -0 $server 2>/dev/null; do sleep 1; done
        kill $server 2>/dev/null; wait $server; status=$?
        rm -rf "$ORDERS_TEST_DBPATH"
        exit $status
        """;

    private readonly Process _process;
    private readonly string _dbPath;

    private LocalMongod(Process process, string dbPath, int port)
    {
        _process = process;
        _dbPath = dbPath;
        Port = port;
    }

    public int Port { get; }

    public int ProcessId => _process.Id;

    /// <summary>
    /// Starts <paramref name="start"/> with <c>--port 0 --dbpath &lt;temp&gt; --quiet</c> and waits for mongod's readiness
    /// log line, which names the port it picked.
    /// </summary>
    public static async Task<LocalMongod> StartAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        var dbPath = Directory.CreateTempSubdirectory("orders-mongod-").FullName;
        foreach (var argument in new[] { "--port", "0", "--dbpath", dbPath, "--quiet" })
        {
            start.ArgumentList.Add(argument);
        }

        var server = start.FileName;
        start = WatchedByThisProcess(start, dbPath);

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;

        var ready = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lastLines = new Queue<string>();
        void Observe(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (lastLines)
            {
                lastLines.Enqueue(line);
                if (lastLines.Count > LinesKeptForErrors)
                {
                    lastLines.Dequeue();
                }
            }

            if (line.Contains(ReadyMessage, StringComparison.Ordinal) && PortInLog().Match(line) is { Success: true } port)
            {
                ready.TrySetResult(int.Parse(port.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        }

        string Tail()
        {
            lock (lastLines)
            {
                return string.Join(Environment.NewLine, lastLines);
            }
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Observe(e.Data);
        process.ErrorDataReceived += (_, e) => Observe(e.Data);
        process.Exited += (_, _) =>
        {
            process.WaitForExit(); // lets the last output lines arrive, so the error below shows them
            ready.TrySetException(
                new InvalidOperationException($"{server} exited with code {process.ExitCode} before it was ready:{Environment.NewLine}{Tail()}"));
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            var port = await ready.Task.WaitAsync(timeout);
            return new LocalMongod(process, dbPath, port);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            Kill(process);
            process.Dispose();
            DeleteDbPath(dbPath);
            throw new InvalidOperationException(
                e is TimeoutException ? $"{server} was not ready within {timeout}:{Environment.NewLine}{Tail()}" : e.Message, e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill(_process);
        await _process.WaitForExitAsync();
        _process.Dispose();
        DeleteDbPath(_dbPath);
    }

    private static void DeleteDbPath(string dbPath)
    {
        if (Directory.Exists(dbPath))
        {
            Directory.Delete(dbPath, recursive: true);
        }
    }

    private static ProcessStartInfo WatchedByThisProcess(ProcessStartInfo start, string dbPath)
    {
        if (!File.Exists(Shell))
        {
            return start;
        }

        var watched = new ProcessStartInfo(Shell);
        foreach (var argument in new[] { "-c", Watchdog, "watchdog", start.FileName }.Concat(start.ArgumentList))
        {
            watched.ArgumentList.Add(argument);
        }

        watched.Environment.Clear();
        foreach (var (name, value) in start.Environment)
        {
            watched.Environment[name] = value;
        }

        watched.Environment["ORDERS_TEST_PROCESS"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        watched.Environment["ORDERS_TEST_DBPATH"] = dbPath;
        return watched;
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    [GeneratedRegex("\"port\":([0-9]+)")]
    private static partial Regex PortInLog();
}
