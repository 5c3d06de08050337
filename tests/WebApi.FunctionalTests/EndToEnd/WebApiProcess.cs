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

    private WebApiProcess(IReadOnlyDictionary<string, string> environment)
    {
        _environment = environment;
        Address = new Uri($"http://127.0.0.1:{HostProcess.FreePort()}");
    }

    public Uri Address { get; }

    public static async Task<WebApiProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var api = new WebApiProcess(environment);
        await api.LaunchAsync();
        return api;
    }

    /// <summary>Kills the process (SIGKILL) and starts it again with the same settings on the same address.</summary>
    public async Task KillAndStartAgainAsync()
    {
        await DisposeAsync();
        await LaunchAsync();
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

    public string ReadLog() => File.Exists(_log) ? File.ReadAllText(_log) : "(no output)";

    public async ValueTask DisposeAsync()
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

    private async Task LaunchAsync()
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
        foreach (var (name, value) in _environment)
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
