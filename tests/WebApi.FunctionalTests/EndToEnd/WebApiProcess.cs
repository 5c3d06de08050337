using System.Diagnostics;
using Orders.Testing;

namespace Orders.WebApi.FunctionalTests.EndToEnd;

/// <summary>The WebApi run as its own process from its build output, so a test can crash it for real and start it again.</summary>
internal sealed class WebApiProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _log = Path.Combine(Path.GetTempPath(), $"orders-e2e-WebApi-{Guid.NewGuid():N}.log");
    private readonly IReadOnlyDictionary<string, string> _environment;
    private Process? _process;

    private WebApiProcess(IReadOnlyDictionary<string, string> environment, int port)
    {
        _environment = environment;
        Address = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri Address { get; }

    public static async Task<WebApiProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var api = Create(environment, HostProcess.FreePort());
        await api.StartAsync();
        return api;
    }

    /// <summary>An instance with its address chosen but not started, so a load balancer can be told of it first.</summary>
    public static WebApiProcess Create(IReadOnlyDictionary<string, string> environment, int port) => new(environment, port);

    /// <summary>Starts the process (again, after <see cref="KillAsync"/>) on the same address; its log goes on in the same file.</summary>
    public Task StartAsync() => LaunchAsync(_environment);

    /// <summary>Kills the process (SIGKILL) and starts it again with the same settings on the same address.</summary>
    public async Task KillAndStartAgainAsync()
    {
        await KillAsync();
        await StartAsync();
    }

    /// <summary>Kills the process at once, as a crash or an OOM kill would: requests in flight are cut off.</summary>
    public async Task KillAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process!.WaitForExitAsync(cancellation.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public string ReadLog()
    {
        lock (_log)
        {
            return File.Exists(_log) ? File.ReadAllText(_log) : "(no output)";
        }
    }

    public async ValueTask DisposeAsync() => await KillAsync();

    private async Task LaunchAsync(IReadOnlyDictionary<string, string> environment)
    {
        var directory = Path.Combine(HostProcess.RepositoryRoot, "src", "WebApi", "bin", HostProcess.Configuration, "net10.0");
        var info = new ProcessStartInfo("dotnet", [Path.Combine(directory, "Orders.WebApi.dll"), "--urls", Address.ToString()])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // appsettings.json is read from the content root, the working directory.
            WorkingDirectory = directory,
        };
        info.Environment[TestServiceKey.EnvironmentVariable] = TestServiceKey.Value;
        info.Environment["Auth__Enabled"] = "false";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the WebApi.");
        _process.OutputDataReceived += (_, line) => AppendLog(line.Data);
        _process.ErrorDataReceived += (_, line) => AppendLog(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilLiveAsync();
    }

    private async Task WaitUntilLiveAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"The WebApi exited with {_process.ExitCode}:\n{ReadLog()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The WebApi was not live within {StartTimeout}:\n{ReadLog()}");
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
}
