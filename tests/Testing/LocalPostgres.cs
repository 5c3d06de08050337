using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Orders.Testing;

/// <summary>
/// A throwaway PostgreSQL server from the binaries on this machine: a temp directory, a free loopback port, trust auth,
/// run as <c>postgres</c> when we are root (the server refuses root). Stopped and deleted when the process exits.
/// A test may also start one of its own, to crash it (an immediate stop) and start it again on the same data and port.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private const string ServiceUser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly string _pgCtl;
    private readonly string _data;
    private readonly string _root;
    private readonly string _serverOptions;
    private readonly string? _user;

    private LocalPostgres(string binaries, string root, int port, string? user, bool crashSafe)
    {
        _pgCtl = Path.Combine(binaries, "pg_ctl");
        _root = root;
        _data = Path.Combine(root, "data");
        _user = user;
        // Without fsync a commit still reaches the OS before it is acknowledged, which a crash of the server alone
        // does not undo; without synchronous_commit it need not, and a crash loses the last acknowledged commits.
        var commits = crashSafe ? "synchronous_commit=on" : "synchronous_commit=off";
        _serverOptions = $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c {commits} -c full_page_writes=off -c max_connections=200";
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = IPAddress.Loopback.ToString(),
            Port = port,
            Username = "postgres",
            Database = "postgres",
        }.ConnectionString;
    }

    /// <summary>A connection string to the server's maintenance database (<c>postgres</c>) as a superuser.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// A server of the caller's own, which keeps every commit it acknowledged through <see cref="CrashAsync"/>.
    /// Throws <see cref="TestServerUnavailableException"/> when none can be started here.
    /// </summary>
    public static async Task<LocalPostgres> StartAsync()
    {
        var reasons = new List<string>();
        return await TryStartAsync(reasons, crashSafe: true).ConfigureAwait(false)
            ?? throw new TestServerUnavailableException($"No local PostgreSQL server: {string.Join("; ", reasons)}.");
    }

    /// <summary>A connection string to a database of this server that does not exist yet.</summary>
    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString;

    /// <summary>Stops the server as a crash would (<c>pg_ctl stop -m immediate</c>): no checkpoint, connections cut.</summary>
    public Task CrashAsync() => RunAsync(_pgCtl, ["-D", _data, "-m", "immediate", "-w", "stop"], _user);

    /// <summary>Starts the server again on the same data and port; it recovers from its write-ahead log first.</summary>
    public Task StartAgainAsync() => StartServerAsync();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await CrashAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Already stopped: nothing to stop before deleting.
        }

        TryDelete(_root);
    }

    internal static async Task<LocalPostgres?> TryStartAsync(List<string> reasons, bool crashSafe = false)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            reasons.Add("a local server is only started on Linux or macOS");
            return null;
        }

        var binaries = FindBinaries();
        if (binaries is null)
        {
            reasons.Add("initdb/pg_ctl are neither on PATH nor in /usr/lib/postgresql/*/bin");
            return null;
        }

        var root = Directory.CreateTempSubdirectory("orders-pg-");
        try
        {
            var asRoot = Environment.UserName == "root";
            if (asRoot)
            {
                await RunAsync("chown", ["-R", $"{ServiceUser}:", root.FullName], asUser: null).ConfigureAwait(false);
            }

            var server = new LocalPostgres(binaries, root.FullName, FreePort(), asRoot ? ServiceUser : null, crashSafe);
            await RunAsync(Path.Combine(binaries, "initdb"), ["-D", server._data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale", "--no-sync"], server._user)
                .ConfigureAwait(false);
            await server.StartServerAsync().ConfigureAwait(false);

            StopAndDeleteWhenThisProcessEnds(server._pgCtl, server._data, root.FullName, server._user);
            return server;
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            reasons.Add($"a local server did not start ({exception.Message})");
            TryDelete(root.FullName);
            return null;
        }
    }

    private Task StartServerAsync() =>
        RunAsync(_pgCtl, ["-D", _data, "-o", _serverOptions, "-l", Path.Combine(_root, "server.log"), "-w", "start"], _user);

    private static string? FindBinaries()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(directory => File.Exists(Path.Combine(directory, "pg_ctl")) && File.Exists(Path.Combine(directory, "initdb")));
        if (onPath is not null)
        {
            return onPath;
        }

        const string debianLayout = "/usr/lib/postgresql";
        return Directory.Exists(debianLayout)
            ? Directory.GetDirectories(debianLayout)
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, string? asUser)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asUser is null)
        {
            start.FileName = program;
        }
        else
        {
            start.FileName = "runuser";
            foreach (var prefix in new[] { "-u", asUser, "--", program })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(program)} took longer than {CommandTimeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} exited with {process.ExitCode}: {(await error.ConfigureAwait(false)).Trim()} {(await output.ConfigureAwait(false)).Trim()}");
        }
    }

    /// <summary>
    /// A detached watchdog stops the server and deletes its directory once this process is gone, however it ends:
    /// the test host is often killed right after the run, before exit handlers finish.
    /// </summary>
    private static void StopAndDeleteWhenThisProcessEnds(string pgCtl, string data, string root, string? user)
    {
        var stop = $"'{pgCtl}' -D '{data}' -m immediate -w stop";
        var script = string.Join(
            "; ",
            "exec </dev/null >/dev/null 2>&1",
            $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 0.5; done",
            user is null ? stop : $"runuser -u {user} -- {stop}",
            $"rm -rf '{root}'");
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false };
        foreach (var argument in new[] { "sh", "-c", script })
        {
            start.ArgumentList.Add(argument);
        }

        using var watchdog = Process.Start(start) ?? throw new InvalidOperationException("The clean-up watchdog did not start.");
    }

    private static void TryDelete(string directory)
    {
        // Server processes may still be closing files just after an immediate stop: give them a moment.
        const int attempts = 10;
        for (var attempt = 1; attempt <= attempts && Directory.Exists(directory); attempt++)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException && attempt < attempts)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(100));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"Could not delete the test PostgreSQL directory {directory}: {exception.Message}");
            }
        }
    }
}
