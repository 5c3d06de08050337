// Orders build. ./build.sh --target=<Task>; the default is Test.
#load "./build/balanced-stack.cake"
using System.Diagnostics;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Threading;

var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");

var solution = File("./Orders.sln");
var testResults = Directory("./TestResults");
var coverageReport = Directory("./TestResults/coverage");
var local = MakeAbsolute(Directory("./.local"));

Task("Clean")
    .Does(() =>
{
    CleanDirectories("./src/**/bin/" + configuration);
    CleanDirectories("./src/**/obj");
    CleanDirectories("./tests/**/bin/" + configuration);
    CleanDirectories("./tests/**/obj");
    CleanDirectories("./bench/**/bin/" + configuration);
    CleanDirectories("./bench/**/obj");
    CleanDirectory(testResults);
});

Task("Restore")
    .Does(() => DotNetRestore(solution));

Task("Build")
    .IsDependentOn("Restore")
    .Does(() => DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration, NoRestore = true }));

Task("Test")
    .Description("Every test project: unit, integration (real PostgreSQL and MongoDB) and end-to-end; TRX in TestResults/.")
    .IsDependentOn("Build")
    .Does(() => RunTests(collectCoverage: false));

Task("Coverage")
    .Description("Runs the tests with coverage and prints line coverage per assembly.")
    .IsDependentOn("Build")
    .Does(() =>
{
    RunTests(collectCoverage: true);
    var reports = GetFiles(testResults.Path + "/**/coverage.cobertura.xml");
    DotNetTool(solution, "reportgenerator", new ProcessArgumentBuilder()
        .Append($"-reports:{string.Join(";", reports.Select(report => report.FullPath))}")
        .Append($"-targetdir:{coverageReport.Path.FullPath}")
        .Append("-reporttypes:TextSummary;Html")
        .Append("-assemblyfilters:+Orders.*;-Orders.*Tests;-Orders.Testing"));
    Information(System.IO.File.ReadAllText(coverageReport.Path.CombineWithFilePath("Summary.txt").FullPath));
});

Task("Publish")
    .Description("Publishes each host exactly as its Dockerfile does (restore, then publish Release without restoring) into a temp folder.")
    .Does(() =>
{
    var output = Directory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "orders-publish"));
    CleanDirectory(output);
    foreach (var host in new[] { "InventoryHost", "PaymentHost", "WebApi" })
    {
        var project = File($"./src/{host}/Orders.{host}.csproj");
        DotNetRestore(project);
        DotNetPublish(project, new DotNetPublishSettings
        {
            Configuration = "Release",
            OutputDirectory = output + Directory(host),
            NoRestore = true,
            MSBuildSettings = new DotNetMSBuildSettings().WithProperty("UseAppHost", "false"),
        });
        Information($"{host,-15} published to {output.Path.FullPath}/{host}");
    }
});

Task("MicroBench")
    .Description("BenchmarkDotNet micro-benchmarks of placing an order, in Release; --job=short (or dry, ...) and --filter=... are passed on. Reports in BenchmarkDotNet.Artifacts/.")
    .Does(() =>
{
    var arguments = new ProcessArgumentBuilder()
        .Append("--filter").AppendQuoted(Argument("filter", "*"))
        .Append("--artifacts").AppendQuoted(MakeAbsolute(Directory("./BenchmarkDotNet.Artifacts")).FullPath);
    if (HasArgument("job")) arguments.Append("--job").AppendQuoted(Argument<string>("job"));
    DotNetRun("./bench/Orders.MicroBenchmarks/Orders.MicroBenchmarks.csproj", arguments, new DotNetRunSettings { Configuration = "Release" });
});

Task("MigrationsScript")
    .Description("Regenerates db/migrations.sql, the idempotent SQL of every EF Core migration.")
    .IsDependentOn("Build")
    .Does(() =>
{
    DotNetTool(solution, "ef", new ProcessArgumentBuilder()
        .Append("migrations script --idempotent --no-build")
        .Append($"--configuration {configuration}")
        .Append("--project src/Infrastructure --startup-project src/Infrastructure")
        .Append("--output db/migrations.sql"));
});

Task("OpenApi")
    .Description("Regenerates api/openapi/orders.v1.json from the WebApi; src/Client is generated from it at build time.")
    .IsDependentOn("Build")
    .Does(() =>
{
    const string url = "http://127.0.0.1:8089";
    var stop = StartHost("WebApi", url, new Dictionary<string, string>
    {
        ["Database__MigrateOnStartup"] = "false",
        ["ConnectionStrings__Orders"] = "Host=127.0.0.1;Port=1;Database=unused",
    });
    try
    {
        WaitUntilReady(url + "/health/live", TimeSpan.FromMinutes(1));
        using var http = new HttpClient();
        var document = http.GetStringAsync(url + "/swagger/v1/swagger.json").GetAwaiter().GetResult();
        EnsureDirectoryExists("./api/openapi");
        System.IO.File.WriteAllText("./api/openapi/orders.v1.json", document.ReplaceLineEndings("\n").TrimEnd() + "\n");
        Information("Wrote api/openapi/orders.v1.json; rebuild to regenerate src/Client.");
    }
    finally
    {
        stop();
    }
});

Task("Run")
    .Description("Starts PostgreSQL, MongoDB, InventoryHost, PaymentHost and the WebApi locally; Ctrl+C stops them all.")
    .IsDependentOn("Build")
    .Does(() =>
{
    Action stopStack = null;
    using var stop = new ManualResetEventSlim();
    // Ctrl+C, or a TERM from a supervisor: either way stop what was started, in reverse order.
    using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => { signal.Cancel = true; stop.Set(); });
    using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stop.Set(); });
    try
    {
        // --instances=N puts N of each stateless host behind HAProxy; --base-port=B moves every port to B and up.
        var instances = Argument("instances", 1);
        var ports = HasArgument("base-port") ? StackPorts.From(Argument<int>("base-port")) : StackPorts.Default;
        stopStack = instances > 1 || HasArgument("base-port")
            ? StartBalancedStack(local, local.Combine("logs"), ports, instances, paymentInstances: Argument("payment-instances", 1))
            : StartStack(local, local.Combine("logs"), postgresPort: 55432, mongoPort: 27017, inventoryPort: 5001, paymentPort: 5002, apiPort: 8080);
        Information("");
        Information($"Orders API      http://localhost:{ports.Api}  (try: curl http://localhost:{ports.Api}/products/p1)");
        Information($"Swagger UI      http://localhost:{ports.Api}/swagger");
        Information($"Readiness       http://localhost:{ports.Api}/health/ready");
        Information($"Inventory gRPC  http://localhost:{ports.Inventory}, Payment gRPC http://localhost:{ports.Payment}");
        if (instances > 1 || HasArgument("base-port")) Information($"Balancer stats  http://localhost:{ports.Statistics}/ (each instance, up or down, and what it answered)");
        Information("Logs in .local/logs. Ctrl+C stops everything.");
        stop.Wait();
    }
    finally
    {
        Information("Stopping...");
        stopStack?.Invoke();
    }
});

Task("Bench")
    .Description("Starts a fresh stack on its own ports and runs the load benchmark: MongoDB alone, PostgreSQL alone, raw storage, full system.")
    .IsDependentOn("Build")
    .Does(() =>
{
    // Its own ports and data, so a running local stack (the Run target) is not disturbed, and every run starts empty.
    var bench = local.Combine("bench");
    var logs = bench.Combine("logs");
    if (DirectoryExists(bench)) DeleteDirectory(bench, new DeleteDirectorySettings { Recursive = true, Force = true });
    var results = MakeAbsolute(Directory("./artifacts/bench"));
    EnsureDirectoryExists(results);
    var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss");
    var apiSettings = new Dictionary<string, string>
    {
        ["Auth__Enabled"] = "false",
        // One caller places every order here; the limiter would measure itself, not the system.
        ["RateLimiting__Orders__PermitLimit"] = "1000000000",
        // A dedicated machine: more sagas at once keep both cores busy (the default, 16, is for shared ones).
        ["Placement__MaxConcurrent"] = Argument("placement", "32"),
    };

    var stopStack = StartStack(bench, logs, postgresPort: 55433, mongoPort: 27018, inventoryPort: 5011, paymentPort: 5012, apiPort: 8090, apiSettings);
    try
    {
        var tool = MakeAbsolute(File($"./bench/Orders.Bench/bin/{configuration}/net10.0/Orders.Bench.dll")).FullPath;
        var arguments = new ProcessArgumentBuilder()
            .Append(tool)
            .Append("--mode").Append(Argument("mode", "compare"))
            .Append("--clients").Append(Argument("clients", "32"))
            .Append("--duration").Append(Argument("duration", "30"))
            .Append("--warmup").Append(Argument("warmup", "120"))
            .Append("--rounds").Append(Argument("rounds", "3"))
            .Append("--lines").Append(Argument("lines", "1"))
            .Append("--postgres").AppendQuoted(OrdersConnectionString(55433))
            .Append("--json").AppendQuoted($"{results}/bench-{stamp}.json")
            .Append("--markdown").AppendQuoted($"{results}/bench-{stamp}.md");
        var exitCode = StartProcess("dotnet", new ProcessSettings { Arguments = arguments });
        if (exitCode != 0) throw new CakeException($"The load benchmark failed ({exitCode}); host logs in {logs}.");
        Information($"Results in {results}/bench-{stamp}.md and .json");
    }
    finally
    {
        stopStack();
    }
});

RunTarget(target);

void RunTests(bool collectCoverage)
{
    CleanDirectory(testResults);
    var settings = new DotNetTestSettings
    {
        Configuration = configuration,
        NoBuild = true,
        NoRestore = true,
        ResultsDirectory = testResults,
        Loggers = new[] { "trx", "console;verbosity=normal" },
    };
    if (collectCoverage)
    {
        settings.Collectors = new[] { "XPlat Code Coverage" };
        settings.Settings = File("./coverage.runsettings");
    }
    DotNetTest(solution, settings);
}

string FindServerBinary(string name)
{
    var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
        .Select(dir => System.IO.Path.Combine(dir, name)).FirstOrDefault(System.IO.File.Exists);
    var packaged = System.IO.Directory.Exists("/usr/lib/postgresql")
        ? System.IO.Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(dir => dir)
            .Select(dir => System.IO.Path.Combine(dir, "bin", name)).FirstOrDefault(System.IO.File.Exists)
        : null;
    return onPath ?? packaged ?? throw new CakeException($"{name} not found on PATH or in /usr/lib/postgresql/*/bin; install PostgreSQL (apt-get install postgresql).");
}

int Exec(string file, string arguments, bool asPostgresUser = false)
{
    var runAsPostgres = asPostgresUser && Environment.UserName == "root";
    var info = runAsPostgres
        ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
        : new ProcessStartInfo(file, arguments);
    info.UseShellExecute = false;
    using var process = Process.Start(info)!;
    process.WaitForExit();
    return process.ExitCode;
}

/// <summary>
/// PostgreSQL, MongoDB, InventoryHost, PaymentHost and the WebApi, data under <paramref name="root"/>, started in that
/// order and wired to each other by port; returns once the WebApi is ready. The action returned stops them in reverse.
/// </summary>
Action StartStack(DirectoryPath root, DirectoryPath logs, int postgresPort, int mongoPort, int inventoryPort, int paymentPort, int apiPort,
    IDictionary<string, string> apiSettings = null)
{
    var started = new Stack<Action>();
    void StopAll()
    {
        while (started.Count > 0)
        {
            started.Pop()();
        }
    }

    try
    {
        var api = new Dictionary<string, string>(apiSettings ?? new Dictionary<string, string>())
        {
            ["ConnectionStrings__Orders"] = OrdersConnectionString(postgresPort),
            ["Services__Inventory__Address"] = $"http://localhost:{inventoryPort}",
            ["Services__Payment__Address"] = $"http://localhost:{paymentPort}",
        };
        started.Push(StartPostgres(root.Combine("postgres"), postgresPort));
        started.Push(StartMongo(root.Combine("mongo"), mongoPort, logs));
        started.Push(StartHost("InventoryHost", $"http://localhost:{inventoryPort}",
            new Dictionary<string, string> { ["Inventory__Mongo__ConnectionString"] = $"mongodb://127.0.0.1:{mongoPort}" }, logs));
        started.Push(StartHost("PaymentHost", $"http://localhost:{paymentPort}", logs: logs));
        started.Push(StartHost("WebApi", $"http://localhost:{apiPort}", api, logs));
        WaitUntilReady($"http://localhost:{apiPort}/health/ready", TimeSpan.FromMinutes(3));
        return StopAll;
    }
    catch
    {
        StopAll();
        throw;
    }
}

string OrdersConnectionString(int port) => $"Host=127.0.0.1;Port={port};Database=orders;Username=postgres";

Action StartPostgres(DirectoryPath data, int port)
{
    var pgCtl = FindServerBinary("pg_ctl");
    var initDb = FindServerBinary("initdb");
    var asRoot = Environment.UserName == "root";
    if (!System.IO.File.Exists(data.CombineWithFilePath("PG_VERSION").FullPath))
    {
        EnsureDirectoryExists(data);
        if (asRoot) Exec("chown", $"-R postgres {data.FullPath}");
        if (Exec(initDb, $"-D {data.FullPath} -A trust -U postgres", asPostgresUser: true) != 0) throw new CakeException("initdb failed");
    }
    if (asRoot) Exec("chown", $"-R postgres {data.FullPath}");
    var options = $"-p {port} -k /tmp -c listen_addresses=127.0.0.1";
    if (Exec(pgCtl, $"-D {data.FullPath} -o \"{options}\" -l {data.FullPath}/server.log -w start", asPostgresUser: true) != 0)
        throw new CakeException($"PostgreSQL did not start; see {data.FullPath}/server.log");
    Information($"PostgreSQL      127.0.0.1:{port} (data in {data.FullPath})");
    return () => Exec(pgCtl, $"-D {data.FullPath} -m fast stop", asPostgresUser: true);
}

Action StartMongo(DirectoryPath data, int port, DirectoryPath logs = null)
{
    logs ??= local.Combine("logs");
    EnsureDirectoryExists(data);
    EnsureDirectoryExists(logs);
    var log = logs.CombineWithFilePath("mongod.log").FullPath;
    var mongod = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
        .Select(dir => System.IO.Path.Combine(dir, "mongod")).FirstOrDefault(System.IO.File.Exists)
        ?? MakeAbsolute(File("./scripts/mongo-standin/mongod")).FullPath;
    var process = Process.Start(new ProcessStartInfo("bash", $"-c \"exec '{mongod}' --port {port} --dbpath '{data.FullPath}' > '{log}' 2>&1\"") { UseShellExecute = false })!;
    var deadline = DateTime.UtcNow.AddMinutes(5);
    while (!(System.IO.File.Exists(log) && System.IO.File.ReadAllText(log).Contains("Waiting for connections")))
    {
        if (process.HasExited) throw new CakeException($"mongod exited with {process.ExitCode}; see {log}");
        if (DateTime.UtcNow > deadline) throw new CakeException($"mongod did not start; see {log}");
        Thread.Sleep(200);
    }
    Information($"MongoDB         127.0.0.1:{port} ({mongod})");
    return () => Kill(process);
}

Action StartHost(string project, string url, IDictionary<string, string> environment = null, DirectoryPath logs = null, string logName = null)
{
    logs ??= local.Combine("logs");
    EnsureDirectoryExists(logs);
    var log = logs.CombineWithFilePath($"{logName ?? project}.log").FullPath;
    var dll = MakeAbsolute(File($"./src/{project}/bin/{configuration}/net10.0/Orders.{project}.dll")).FullPath;
    var info = new ProcessStartInfo("bash", $"-c \"exec dotnet '{dll}' --urls {url} > '{log}' 2>&1\"")
    {
        UseShellExecute = false,
        WorkingDirectory = MakeAbsolute(Directory($"./src/{project}")).FullPath,
    };
    info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
    foreach (var (name, value) in environment ?? new Dictionary<string, string>())
    {
        info.Environment[name] = value;
    }
    var process = Process.Start(info)!;
    Information($"{logName ?? project,-15} {url} (log {log})");
    return () => Kill(process);
}

void Kill(Process process)
{
    if (process.HasExited) return;
    Exec("kill", $"-TERM {process.Id}");
    if (!process.WaitForExit(10_000)) process.Kill(entireProcessTree: true);
}

void WaitUntilReady(string url, TimeSpan timeout)
{
    using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
    var deadline = DateTime.UtcNow + timeout;
    while (true)
    {
        try
        {
            if (http.GetAsync(url).GetAwaiter().GetResult().IsSuccessStatusCode) return;
        }
        catch (HttpRequestException) { }
        catch (TaskCanceledException) { }
        if (DateTime.UtcNow > deadline) throw new CakeException($"{url} did not answer 200 within {timeout}; see .local/logs.");
        Thread.Sleep(500);
    }
}
