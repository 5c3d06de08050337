using System.Diagnostics;
using System.Globalization;
using System.Text;
using Orders.WebApi.FunctionalTests.EndToEnd;

namespace Orders.WebApi.FunctionalTests.ScaleOut;

/// <summary>
/// HAProxy in the foreground with a configuration of the test's own: one frontend per service, round robin over that
/// service's instances, and an instance that fails its readiness check taken out until it passes again. The gRPC
/// services are HTTP/2 without TLS end to end, so each request (not each connection) is balanced.
/// </summary>
internal sealed class LoadBalancerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"orders-haproxy-{Guid.NewGuid():N}");
    private readonly StringBuilder _output = new();
    private Process? _process;

    private LoadBalancerProcess(IReadOnlyList<BalancedService> services)
    {
        Frontends = services.ToDictionary(service => service.Name, _ => new Uri($"http://127.0.0.1:{HostProcess.FreePort()}"));
        Statistics = new Uri($"http://127.0.0.1:{HostProcess.FreePort()}/stats;csv");
    }

    /// <summary>The balancer's address for each service, by service name.</summary>
    public IReadOnlyDictionary<string, Uri> Frontends { get; }

    /// <summary>HAProxy's statistics page as CSV: what each instance answered, and whether it is up.</summary>
    public Uri Statistics { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<LoadBalancerProcess> StartAsync(IReadOnlyList<BalancedService> services)
    {
        var balancer = new LoadBalancerProcess(services);
        await balancer.LaunchAsync(services);
        return balancer;
    }

    /// <summary>Per instance (HAProxy's server name): its status (UP, DOWN, ...) and the HTTP requests it answered.</summary>
    public async Task<IReadOnlyDictionary<string, (string Status, long Requests)>> InstancesAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var lines = (await http.GetStringAsync(Statistics)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var columns = lines[0].TrimStart('#', ' ').Split(',');
        int Column(string name) => Array.IndexOf(columns, name);
        var instances = new Dictionary<string, (string, long)>();
        foreach (var fields in lines.Skip(1).Select(line => line.Split(',')))
        {
            var server = fields[Column("svname")];
            if (server is not ("FRONTEND" or "BACKEND"))
            {
                var answered = fields[Column("hrsp_1xx")..(Column("hrsp_other") + 1)].Sum(count => long.Parse(count, CultureInfo.InvariantCulture));
                instances[server] = (fields[Column("status")], answered);
            }
        }

        return instances;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
            _process.Dispose();
            _process = null;
        }

        Directory.Delete(_directory, recursive: true);
    }

    private async Task LaunchAsync(IReadOnlyList<BalancedService> services)
    {
        Directory.CreateDirectory(_directory);
        var configuration = Path.Combine(_directory, "haproxy.cfg");
        await File.WriteAllTextAsync(configuration, Configuration(services));
        var info = new ProcessStartInfo(Executable(), ["-f", configuration, "-db"])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(info) ?? throw new InvalidOperationException("Could not start haproxy.");
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilAnsweringAsync();
    }

    private string Configuration(IReadOnlyList<BalancedService> services)
    {
        var text = new StringBuilder(
            """
            global
                maxconn 4096

            defaults
                mode http
                timeout connect 2s
                timeout client 60s
                timeout server 60s
                timeout check 2s
                # A request that never reached an instance goes to another one; one that did is the client's to retry.
                retries 2
                option redispatch 1
                retry-on conn-failure

            """);
        text.Append(CultureInfo.InvariantCulture, $"listen stats\n    bind 127.0.0.1:{Statistics.Port}\n    stats enable\n    stats uri /stats\n\n");
        foreach (var service in services)
        {
            var http2 = service.Http2 ? " proto h2" : "";
            text.Append(CultureInfo.InvariantCulture, $"frontend {service.Name}\n    bind 127.0.0.1:{Frontends[service.Name].Port}{http2}\n    default_backend {service.Name}\n\n");
            // An absolute URI: a relative one is sent over HTTP/2 as :scheme https, which Kestrel refuses on a plain port.
            text.Append(CultureInfo.InvariantCulture, $"backend {service.Name}\n    balance roundrobin\n    option httpchk\n    http-check send meth GET uri http://localhost{service.ReadinessPath}\n    http-check expect status 200\n");
            text.Append(CultureInfo.InvariantCulture, $"    default-server check inter 500ms fall 2 rise 1{(service.Http2 ? " proto h2 check-proto h2" : "")}\n");
            foreach (var (instance, index) in service.Instances.Select((instance, index) => (instance, index)))
            {
                text.Append(CultureInfo.InvariantCulture, $"    server {service.Name}{index + 1} 127.0.0.1:{instance.Port}\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"haproxy exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(Statistics);
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
                throw new TimeoutException($"haproxy did not answer within {StartTimeout}:\n{Output}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Debian installs HAProxy in /usr/sbin, which is not on every PATH.</summary>
    private static string Executable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append("/usr/sbin")
            .Select(directory => Path.Combine(directory, "haproxy")).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("haproxy is not installed (apt-get install haproxy); .ci/run installs it.");

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}

/// <summary>A service behind the balancer: its instances' addresses, the path that says an instance is ready, and whether it speaks HTTP/2 only (gRPC).</summary>
internal sealed record BalancedService(string Name, IReadOnlyList<Uri> Instances, string ReadinessPath, bool Http2);
