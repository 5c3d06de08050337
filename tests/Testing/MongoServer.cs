using System.Diagnostics;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using MongoDB.Driver;
using Testcontainers.MongoDb;

namespace Orders.Testing;

/// <summary>
/// One MongoDB server for the whole test run, started on first use, from the first source that works:
/// a Testcontainers <c>mongo:7</c> when a Docker engine answers; the connection string in <c>ORDERS_TEST_MONGO</c>;
/// a throwaway local <c>mongod</c> from PATH; else the in-memory stand-in in <c>../shared/mongo-test-server</c>.
/// Each test takes its own database (<see cref="NewDatabase"/>), so tests never see each other's data.
/// </summary>
public sealed class MongoServer : IAsyncDisposable
{
    public const string ConnectionStringVariable = "ORDERS_TEST_MONGO";

    private const string ContainerImage = "mongo:7";

    /// <summary>The stand-in installs its Python packages on its first start; allow for a slow mirror.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    private static readonly Lazy<Task<(MongoServer? Server, string? UnavailableReason)>> Shared = new(ProvisionAsync);

    private readonly Func<ValueTask> _stop;
    private readonly Lazy<MongoClient> _client;
    private int _stopped;

    private MongoServer(string connectionString, string description, Func<ValueTask> stop)
    {
        ConnectionString = connectionString;
        Description = description;
        _stop = stop;
        _client = new Lazy<MongoClient>(() => new MongoClient(connectionString));
    }

    public string ConnectionString { get; }

    /// <summary>Where the server came from, for test logs.</summary>
    public string Description { get; }

    public IMongoClient Client => _client.Value;

    /// <summary>The shared server; when none can be had, the calling test is ignored with the reason.</summary>
    public static async Task<MongoServer> GetAsync()
    {
        var (server, reason) = await TryGetAsync();
        if (server is null)
        {
            Assert.Ignore(reason ?? "No MongoDB server for these tests.");
        }

        return server;
    }

    /// <summary>The shared server, or null and why none of the sources worked.</summary>
    public static Task<(MongoServer? Server, string? UnavailableReason)> TryGetAsync() => Shared.Value;

    /// <summary>A database name no other test uses (MongoDB allows 63 characters).</summary>
    public static string NewDatabaseName(string prefix = "test") => $"{prefix}_{Guid.NewGuid():N}";

    public IMongoDatabase NewDatabase(string prefix = "test") => Client.GetDatabase(NewDatabaseName(prefix));

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            if (_client.IsValueCreated)
            {
                _client.Value.Dispose();
            }

            await _stop();
        }
    }

    private static async Task<(MongoServer? Server, string? UnavailableReason)> ProvisionAsync()
    {
        var reasons = new List<string>();

        if (TestcontainersSettings.OS.DockerEndpointAuthConfig is null)
        {
            reasons.Add("Testcontainers: no Docker engine answers");
        }
        else
        {
            try
            {
                var container = new MongoDbBuilder(ContainerImage).Build();
                await container.StartAsync();
                return (new MongoServer(container.GetConnectionString(), $"Testcontainers {ContainerImage}", container.DisposeAsync), null);
            }
            catch (DockerUnavailableException e)
            {
                reasons.Add($"Testcontainers: {e.Message}");
            }
        }

        if (Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } fromEnvironment)
        {
            return (new MongoServer(fromEnvironment, ConnectionStringVariable, () => ValueTask.CompletedTask), null);
        }

        reasons.Add($"{ConnectionStringVariable} is not set");

        foreach (var (start, what) in LocalMongodCandidates(reasons))
        {
            try
            {
                var mongod = await LocalMongod.StartAsync(start, StartTimeout);
                var description = $"{what} (pid {mongod.ProcessId}, port {mongod.Port})";
                return (new MongoServer($"mongodb://127.0.0.1:{mongod.Port}", description, mongod.DisposeAsync), null);
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                reasons.Add($"{what}: {e.Message}");
            }
        }

        return (null, "No MongoDB server for these tests. " + string.Join("; ", reasons));
    }

    private static IEnumerable<(ProcessStartInfo Start, string What)> LocalMongodCandidates(List<string> reasons)
    {
        if (FindOnPath("mongod") is { } onPath)
        {
            yield return (new ProcessStartInfo(onPath), $"mongod on PATH ({onPath})");
        }
        else
        {
            reasons.Add("no mongod on PATH");
        }

        if (FindRepositoryRoot() is not { } root)
        {
            reasons.Add($"no Orders.sln above {AppContext.BaseDirectory}, so no ../shared/mongo-test-server");
            yield break;
        }

        var standIn = Path.GetFullPath(Path.Combine(root, "..", "shared", "mongo-test-server"));
        var launcher = Path.Combine(standIn, "bin", "mongod");
        if (File.Exists(launcher))
        {
            yield return (new ProcessStartInfo(launcher), $"mongo-test-server ({launcher})");
        }
        else if (StandInWithoutLauncher(standIn) is { } direct)
        {
            yield return (direct, $"mongo-test-server ({Path.Combine(standIn, "server.py")})");
        }
        else
        {
            reasons.Add($"no mongo-test-server at {standIn}");
        }
    }

    /// <summary>
    /// Some copies of the stand-in lack their <c>bin/mongod</c> launcher; this starts <c>server.py</c> the way the launcher
    /// does: dependencies installed by its own <c>install.sh</c>, run by Debian's <c>/usr/bin/python3</c>.
    /// </summary>
    private static ProcessStartInfo? StandInWithoutLauncher(string standIn)
    {
        var server = Path.Combine(standIn, "server.py");
        var install = Path.Combine(standIn, "install.sh");
        const string python = "/usr/bin/python3";
        if (!File.Exists(server) || !File.Exists(install) || !File.Exists(python))
        {
            return null;
        }

        var home = Environment.GetEnvironmentVariable("MONGO_TEST_SERVER_HOME") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetEnvironmentVariable("HOME") ?? "/tmp", ".cache", "mongo-test-server");
        var start = new ProcessStartInfo("/bin/bash");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("\"$0\" >&2 && exec \"$1\" -s \"$2\" \"${@:3}\"");
        start.ArgumentList.Add(install);
        start.ArgumentList.Add(python);
        start.ArgumentList.Add(server);
        start.Environment.Remove("PYTHONHOME");
        start.Environment["PYTHONPATH"] = Path.Combine(home, "root", "usr", "lib", "python3", "dist-packages");
        return start;
    }

    private static string? FindOnPath(string executable) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, executable))
            .FirstOrDefault(File.Exists);

    private static string? FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Orders.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
