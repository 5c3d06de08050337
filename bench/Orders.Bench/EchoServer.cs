using System.Diagnostics;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orders.Contracts.Inventory.V1;

namespace Orders.Bench;

/// <summary>
/// The floor of a hop: a process of its own that answers an Inventory <c>Commit</c> over gRPC and a <c>POST /orders</c>
/// over HTTP/1.1 at once, with a canned reply and nothing else (no logging, no service key, no store). What a call to it
/// costs is what any call between the stack's processes costs before the hosts do their own work.
/// </summary>
internal static class EchoServer
{
    public const string Argument = "--echo-server";

    /// <summary>An answer the size of the WebApi's to a one-line order.</summary>
    public const string CreatedBody = """
        {"id":"0199e5a4-7c2e-7b51-9d3f-2a6c1e8b4f70","user_id":"bench-u1","status":"confirmed","status_reason":null,"items":[{"product_id":"bench-p1","quantity":1,"unit_price":19.5,"currency":"EUR"}],"total":19.5,"currency":"EUR","created_at":"2026-12-05T04:00:00.000000+00:00","updated_at":"2026-12-05T04:00:00.001000+00:00"}
        """;

    /// <summary>Serves on <paramref name="port"/> (gRPC, HTTP/2 without TLS) and the port after it (HTTP/1.1) until stopped.</summary>
    public static async Task RunAsync(int port, CancellationToken stop = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ListenLocalhost(port, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.ListenLocalhost(port + 1, listen => listen.Protocols = HttpProtocols.Http1);
        });
        builder.Services.AddGrpc();
        await using var app = builder.Build();
        app.MapGrpcService<CannedInventory>();
        app.MapPost("/orders", async (HttpRequest request) =>
        {
            await request.Body.CopyToAsync(Stream.Null);
            return Results.Text(CreatedBody, "application/json", statusCode: StatusCodes.Status201Created);
        });
        await app.StartAsync(stop);
        await app.WaitForShutdownAsync(stop);
    }

    /// <summary>Starts the server as a child process of this tool and waits until it answers; disposing stops it.</summary>
    public static async Task<Running> StartAsync(int port)
    {
        var self = typeof(EchoServer).Assembly.Location;
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(self);
        }

        start.ArgumentList.Add(Argument);
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var running = new Running(Process.Start(start) ?? throw new InvalidOperationException("The echo server did not start."), port);
        try
        {
            using var probe = new HttpClient { BaseAddress = running.Http, Timeout = TimeSpan.FromSeconds(1) };
            for (var waited = Stopwatch.StartNew(); ; await Task.Delay(100))
            {
                try
                {
                    using var answer = await probe.PostAsync("orders", new StringContent("{}"));
                    return answer.StatusCode == System.Net.HttpStatusCode.Created
                        ? running
                        : throw new InvalidOperationException($"The echo server answered {answer.StatusCode}.");
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException
                    && waited.Elapsed < TimeSpan.FromSeconds(15) && !running.Process.HasExited)
                {
                    // Not listening yet.
                }
            }
        }
        catch
        {
            running.Dispose();
            throw;
        }
    }

    internal sealed class Running(Process process, int port) : IDisposable
    {
        public Process Process { get; } = process;

        public Uri Grpc { get; } = new($"http://127.0.0.1:{port}");

        public Uri Http { get; } = new($"http://127.0.0.1:{port + 1}");

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit();
            }

            Process.Dispose();
        }
    }

    private sealed class CannedInventory : Inventory.InventoryBase
    {
        private static readonly Task<CommitReply> Committed = Task.FromResult(new CommitReply { Status = ReservationStatus.Committed });

        public override Task<CommitReply> Commit(CommitRequest request, ServerCallContext context) => Committed;
    }
}
