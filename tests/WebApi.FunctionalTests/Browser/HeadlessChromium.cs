using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orders.WebApi.FunctionalTests.Browser;

/// <summary>
/// Debian's chromium, headless, driven over the DevTools protocol: navigate a page and evaluate script in it, the way
/// a user's clicks would run. No browser is downloaded; CI installs the chromium package.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    public const string Executable = "/usr/bin/chromium";

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private int _nextId;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    public static async Task<HeadlessChromium> StartAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: apt-get install -y chromium");
        }

        var profile = Directory.CreateTempSubdirectory("orders-chromium-").FullName;
        var start = new ProcessStartInfo(Executable)
        {
            ArgumentList =
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--remote-debugging-port=0", $"--user-data-dir={profile}", "--window-size=1400,1800", "about:blank",
            },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var process = Process.Start(start)!;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var chromium = new HeadlessChromium(process, profile);
        await chromium.ConnectToPageAsync();
        return chromium;
    }

    public async Task NavigateAsync(Uri url)
    {
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url.ToString() });
    }

    /// <summary>Evaluates <paramref name="script"/> until it returns a non-empty string, or the time is up (then null).</summary>
    public async Task<string?> WaitForAsync(string script, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await EvaluateAsync(script) is { Length: > 0 } value)
            {
                return value;
            }

            await Task.Delay(250);
        }

        return null;
    }

    public async Task<string?> EvaluateAsync(string script)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = script, ["returnByValue"] = true });
        return result?["result"]?["value"]?.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_profile, recursive: true);
    }

    private async Task ConnectToPageAsync()
    {
        var portFile = Path.Combine(_profile, "DevToolsActivePort");
        for (var waited = 0; !File.Exists(portFile) || new FileInfo(portFile).Length == 0; waited += 100)
        {
            if (waited > 30_000 || _process.HasExited)
            {
                throw new InvalidOperationException("chromium did not open its DevTools port");
            }

            await Task.Delay(100);
        }

        var port = (await File.ReadAllLinesAsync(portFile))[0].Trim();
        using var http = new HttpClient();
        var targets = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list")))!.AsArray();
        var page = targets.First(target => target!["type"]!.GetValue<string>() == "page")!;
        await _socket.ConnectAsync(new Uri(page["webSocketDebuggerUrl"]!.GetValue<string>()), CancellationToken.None);
    }

    private async Task<JsonNode?> SendAsync(string method, JsonObject parameters)
    {
        var id = ++_nextId;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        while (true)
        {
            var reply = JsonNode.Parse(await ReceiveAsync());
            if (reply?["id"]?.GetValue<int>() == id)
            {
                return reply["error"] is { } error ? throw new InvalidOperationException($"{method}: {error.ToJsonString()}") : reply["result"];
            }
        }
    }

    private async Task<string> ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult received;
        do
        {
            received = await _socket.ReceiveAsync(buffer, CancellationToken.None);
            message.Write(buffer, 0, received.Count);
        }
        while (!received.EndOfMessage);

        return Encoding.UTF8.GetString(message.ToArray());
    }
}
