using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Orders.Testing;

namespace Orders.WebApi.FunctionalTests.EndToEnd;

/// <summary>One of the gRPC hosts, run as its own process from its build output on a loopback port; can be stopped and started again.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _assembly;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly string _log;
    private Process? _process;

    private HostProcess(string project, IReadOnlyDictionary<string, string> environment)
    {
        _assembly = Path.Combine(RepositoryRoot, "src", project, "bin", Configuration, "net10.0", $"Orders.{project}.dll");
        _environment = environment;
        _log = Path.Combine(Path.GetTempPath(), $"orders-e2e-{project}-{Guid.NewGuid():N}.log");
        Address = new Uri($"http://127.0.0.1:{FreePort()}");
    }

    public Uri Address { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Everything the host wrote to stdout and stderr so far.</summary>
    public string Output => ReadLog();

    public string AssemblyPath => _assembly;

    public static async Task<HostProcess> StartAsync(string project, IReadOnlyDictionary<string, string> environment)
    {
        var host = Create(project, environment);
        await host.StartAsync();
        return host;
    }

    /// <summary>A host with its address chosen but not started, so a load balancer can be told of it first.</summary>
    public static HostProcess Create(string project, IReadOnlyDictionary<string, string> environment) => new(project, environment);

    public async Task StartAsync()
    {
        var info = new ProcessStartInfo("dotnet", [_assembly, "--urls", Address.ToString()])
        {
            // The host's own folder is its content root: its appsettings.json, not whatever the test folder holds.
            WorkingDirectory = Path.GetDirectoryName(_assembly)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment[TestServiceKey.EnvironmentVariable] = TestServiceKey.Value;
        foreach (var (name, value) in _environment)
        {
            info.Environment[name] = value;
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {_assembly}.");
        _process.OutputDataReceived += (_, line) => AppendLog(line.Data);
        _process.ErrorDataReceived += (_, line) => AppendLog(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilServingAsync();
    }

    /// <summary>Suspends the process (SIGSTOP): it holds its connections but answers nothing, as a host stuck in a long pause.</summary>
    public Task PauseAsync() => Signal("STOP");

    /// <summary>Lets a paused process run on (SIGCONT).</summary>
    public Task ResumeAsync() => Signal("CONT");

    /// <summary>Kills the process (SIGKILL): nothing of it runs on, no shutdown code.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task Signal(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", _process!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} of {_assembly} exited with {kill.ExitCode}.");
        }
    }

    private async Task WaitUntilServingAsync()
    {
        using var channel = GrpcChannel.ForAddress(Address);
        var health = new Grpc.Health.V1.Health.HealthClient(channel);
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"{_assembly} exited with {_process.ExitCode}:\n{ReadLog()}");
            }

            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }
            }
            catch (Grpc.Core.RpcException) when (DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{_assembly} was not SERVING within {StartTimeout}:\n{ReadLog()}");
            }

            await Task.Delay(200);
        }
    }

    private void AppendLog(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                File.AppendAllText(_log, line + Environment.NewLine);
            }
        }
    }

    private string ReadLog()
    {
        lock (_log)
        {
            return File.Exists(_log) ? File.ReadAllText(_log) : "(no output)";
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Release or Debug: the same configuration the tests were built in.</summary>
    internal static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    internal static string RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Orders.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("Orders.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
