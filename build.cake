// Orders build. ./build.sh --target=<Task>; the default is Test.
#load "build/DevelopmentTokens.cake"
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

Task("Mutation")
    .Description("Stryker.NET on Domain and Application against the unit tests; prints each score and the combined one. Not run in CI (minutes).")
    .Does(() =>
{
    var unitTests = MakeAbsolute(Directory("./tests/UnitTests"));
    var output = MakeAbsolute(Directory("./TestResults/mutation"));
    CleanDirectory(output);
    var totals = new List<(string Project, int Detected, int Undetected)>();
    foreach (var project in new[] { "Orders.Domain.csproj", "Orders.Application.csproj" })
    {
        var reportDirectory = output.Combine(System.IO.Path.GetFileNameWithoutExtension(project));
        var exitCode = StartProcess("dotnet", new ProcessSettings
        {
            WorkingDirectory = unitTests,
            Arguments = new ProcessArgumentBuilder().Append("stryker").Append("--project").Append(project)
                .Append("--output").AppendQuoted(reportDirectory.FullPath),
        });
        if (exitCode != 0) throw new CakeException($"Stryker failed on {project} ({exitCode}).");
        var report = System.IO.File.ReadAllText(reportDirectory.CombineWithFilePath("reports/mutation-report.json").FullPath);
        var statuses = System.Text.RegularExpressions.Regex.Matches(report, "\"status\":\"([A-Za-z]+)\"").Select(match => match.Groups[1].Value).ToList();
        // Stryker's score: killed and timed-out mutants over those that compiled and were not ignored.
        var detected = statuses.Count(status => status is "Killed" or "Timeout");
        var undetected = statuses.Count(status => status is "Survived" or "NoCoverage");
        totals.Add((project, detected, undetected));
    }
    foreach (var (project, detected, undetected) in totals)
    {
        Information($"{project,-28} {Score(detected, undetected)} ({detected} detected, {undetected} survived or not covered)");
    }
    Information($"{"Domain + Application",-28} {Score(totals.Sum(t => t.Detected), totals.Sum(t => t.Undetected))}; reports in {output.FullPath}");
});

string Score(int detected, int undetected) => $"{100.0 * detected / Math.Max(1, detected + undetected):F1} %";

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

Task("BuildHosts")
    .Description("Builds the three hosts and what they reference, nothing else (no tests, no benchmarks).")
    .Does(() =>
{
    foreach (var host in new[] { "InventoryHost", "PaymentHost", "WebApi" })
    {
        DotNetBuild($"./src/{host}/Orders.{host}.csproj", new DotNetBuildSettings { Configuration = configuration });
    }
});

Task("RunPrerequisites")
    .Description("Fails at once, in one line, when PostgreSQL's server binaries or a mongod are missing.")
    .Does(() =>
{
    FindServerBinary("pg_ctl");
    FindServerBinary("initdb");
    FindMongod();
});

Task("Run")
    .Description("Starts PostgreSQL, MongoDB, RabbitMQ, InventoryHost, PaymentHost and the WebApi locally; Ctrl+C stops them all. --auth: bearer tokens required, signed with .env's JWT_SIGNING_KEY (see Token).")
    .IsDependentOn("RunPrerequisites")
    .IsDependentOn("BuildHosts")
    .Does(() =>
{
    Action stopStack = null;
    Action stopBroker = null;
    using var stop = new ManualResetEventSlim();
    // Ctrl+C, or a TERM from a supervisor: either way stop what was started, in reverse order.
    using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => { signal.Cancel = true; stop.Set(); });
    using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stop.Set(); });
    try
    {
        // --instances=N puts N of each stateless host behind HAProxy; --base-port=B moves every port to B and up.
        var instances = Argument("instances", 1);
        var balanced = instances > 1 || HasArgument("base-port");
        var ports = HasArgument("base-port") ? StackPorts.From(Argument<int>("base-port")) : StackPorts.Default;
        var amqpPort = balanced ? ports.Statistics + 1 : 5672;
        stopBroker = StartRabbitMq(local.Combine("rabbitmq"), local.Combine("logs"), amqpPort, distPort: amqpPort + 20000, epmdPort: amqpPort + 19000);
        var apiSettings = HasArgument("auth") ? DevelopmentTokens.ApiSettings(DevelopmentTokens.SigningKey()) : new Dictionary<string, string>();
        apiSettings["RabbitMq__Uri"] = $"amqp://guest:guest@127.0.0.1:{amqpPort}/";
        stopStack = balanced
            ? StartBalancedStack(local, local.Combine("logs"), ports, instances, paymentInstances: Argument("payment-instances", instances), apiSettings)
            : StartStack(local, local.Combine("logs"), postgresPort: 55432, mongoPort: 27017, inventoryPort: 5001, paymentPort: 5002, apiPort: 8080, apiSettings);
        Information("");
        Information($"Orders API      http://localhost:{ports.Api}  (try: curl http://localhost:{ports.Api}/products/p1)");
        Information($"Swagger UI      http://localhost:{ports.Api}/swagger");
        Information($"Readiness       http://localhost:{ports.Api}/health/ready");
        Information(balanced
            ? $"Inventory gRPC  http://localhost:{ports.Inventory}, Payment gRPC http://localhost:{ports.Payment} (through the balancer)"
            : "Inventory gRPC  http://localhost:5001, Payment gRPC http://localhost:5002 (metrics and health over HTTP/1.1: :5101, :5102)");
        if (balanced) Information($"Balancer stats  http://localhost:{ports.Statistics}/ (each instance, up or down, and what it answered)");
        Information($"Order events    amqp://localhost:{amqpPort}, exchange orders (watch: dotnet run --project src/EventWatcher)");
        Information(HasArgument("auth")
            ? "Auth on: TOKEN=$(./build.sh --target=Token --user=u1 --verbosity=quiet | head -n1), then send Authorization: Bearer $TOKEN"
            : "Auth off: no tokens, no per-user placement quota.");
        Information("Logs appended to .local/logs/<host>.log. Ctrl+C stops everything.");
        stop.Wait();
    }
    finally
    {
        Information("Stopping...");
        stopStack?.Invoke();
        stopBroker?.Invoke();
    }
});

Task("Token")
    .Description("Prints a bearer token for the compose stack or Run --auth: --user=u1 [--role=admin] [--hours=8], signed with JWT_SIGNING_KEY (.env).")
    .Does(() =>
{
    var roles = HasArgument("role") ? Arguments<string>("role") : new List<string>();
    Console.WriteLine(DevelopmentTokens.Mint(DevelopmentTokens.SigningKey(), Argument<string>("user"), roles, TimeSpan.FromHours(Argument("hours", 8))));
});

Task("Bench")
    .Description("Starts a fresh stack on its own ports and runs the load benchmark: MongoDB alone, PostgreSQL alone, raw storage, full system; then the floor of a hop (the same calls against a server that answers at once) and open-loop steps of raw storage and the full system at fixed rates. --events: with a RabbitMQ broker, so the outbox relay publishes every order's events.")
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

    // Measured as shipped: Production, without Development's exception page and DI scope checks, and with the
    // service key every Production host requires, fresh for each run.
    var asShipped = new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ServiceAuth__Key"] = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)),
    };
    // Without a broker the events wait in the outbox, as they do when RabbitMQ is down; with one the relay's work is measured too.
    Action stopBroker = null;
    if (HasArgument("events"))
    {
        stopBroker = StartRabbitMq(bench.Combine("rabbitmq"), logs, amqpPort: 5673, distPort: 25673, epmdPort: 24673);
        apiSettings["RabbitMq__Uri"] = "amqp://guest:guest@127.0.0.1:5673/";
    }

    Action stopStack = null;
    try
    {
        stopStack = StartStack(bench, logs, postgresPort: 55433, mongoPort: 27018, inventoryPort: 5011, paymentPort: 5012, apiPort: 8090, apiSettings, asShipped);
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
            .Append("--service-key").AppendQuoted(asShipped["ServiceAuth__Key"])
            // Commands per order of the full system are read from each host's metrics, before and after its window.
            .Append("--inventory-metrics").Append($"http://127.0.0.1:{5011 + OperationsPortOffset}/metrics")
            .Append("--payment-metrics").Append($"http://127.0.0.1:{5012 + OperationsPortOffset}/metrics")
            .Append("--json").AppendQuoted($"{results}/bench-{stamp}.json")
            .Append("--markdown").AppendQuoted($"{results}/bench-{stamp}.md");
        // The open-loop steps after the closed-loop runs: --open-loads=25,50,75 (or none), --open-duration=S.
        if (HasArgument("open-loads")) arguments.Append("--open-loads").Append(Argument<string>("open-loads"));
        if (HasArgument("open-duration")) arguments.Append("--open-duration").Append(Argument<string>("open-duration"));
        var exitCode = StartProcess("dotnet", new ProcessSettings { Arguments = arguments });
        if (exitCode != 0) throw new CakeException($"The load benchmark failed ({exitCode}); host logs in {logs}.");
        Information($"Results in {results}/bench-{stamp}.md and .json");
    }
    finally
    {
        stopStack?.Invoke();
        stopBroker?.Invoke();
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
    IDictionary<string, string> apiSettings = null, IDictionary<string, string> hostSettings = null)
{
    // Settings of every host, under each host's own.
    IDictionary<string, string> Host(IDictionary<string, string> own) =>
        (hostSettings ?? new Dictionary<string, string>()).Concat(own).ToDictionary(setting => setting.Key, setting => setting.Value);

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
            Host(new Dictionary<string, string>
            {
                ["Inventory__Mongo__ConnectionString"] = $"mongodb://127.0.0.1:{mongoPort}",
                ["Operations__HttpPort"] = $"{inventoryPort + OperationsPortOffset}",
            }), logs));
        started.Push(StartHost("PaymentHost", $"http://localhost:{paymentPort}",
            Host(new Dictionary<string, string>
            {
                ["ConnectionStrings__Payments"] = PaymentsConnectionString(postgresPort),
                ["Operations__HttpPort"] = $"{paymentPort + OperationsPortOffset}",
            }), logs));
        started.Push(StartHost("WebApi", $"http://localhost:{apiPort}", Host(api), logs));
        WaitUntilReady($"http://localhost:{apiPort}/health/ready", TimeSpan.FromMinutes(3));
        return StopAll;
    }
    catch
    {
        StopAll();
        throw;
    }
}

// A gRPC host's metrics and health over HTTP/1.1 listen this far above its gRPC port (5001 -> 5101).
const int OperationsPortOffset = 100;

string OrdersConnectionString(int port) => $"Host=127.0.0.1;Port={port};Database=orders;Username=postgres";

// The PaymentHost creates this database on the stack's server when it is missing.
string PaymentsConnectionString(int port) => $"Host=127.0.0.1;Port={port};Database=payments;Username=postgres";

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

// A mongod on PATH, else the in-memory stand-in where it exists; neither is one line saying what to install.
string FindMongod()
{
    var mongod = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
        .Select(dir => System.IO.Path.Combine(dir, "mongod")).FirstOrDefault(System.IO.File.Exists);
    if (mongod is not null && !mongod.EndsWith("scripts/mongo-standin/mongod")) return mongod;
    var standin = Environment.GetEnvironmentVariable("ORDERS_MONGO_STANDIN") ?? MakeAbsolute(Directory("../shared/mongo-test-server")).FullPath;
    if (!System.IO.File.Exists($"{standin}/bin/mongod") && !System.IO.File.Exists($"{standin}/server.py"))
        throw new CakeException("No MongoDB: install MongoDB so that mongod is on PATH (or use Docker, see the README); "
            + $"where it can't be installed, the in-memory stand-in is looked for at {standin} (ORDERS_MONGO_STANDIN).");
    return MakeAbsolute(File("./scripts/mongo-standin/mongod")).FullPath;
}

Action StartMongo(DirectoryPath data, int port, DirectoryPath logs = null)
{
    logs ??= local.Combine("logs");
    EnsureDirectoryExists(data);
    EnsureDirectoryExists(logs);
    var log = logs.CombineWithFilePath("mongod.log").FullPath;
    var mongod = FindMongod();
    var process = Process.Start(new ProcessStartInfo("bash", $"-c \"exec '{mongod}' --port {port} --dbpath '{data.FullPath}' > '{log}' 2>&1\"") { UseShellExecute = false })!;
    var deadline = DateTime.UtcNow.AddMinutes(5);
    while (!(System.IO.File.Exists(log) && System.IO.File.ReadAllText(log).Contains("Waiting for connections")))
    {
        if (process.HasExited)
            throw new CakeException($"mongod exited with {process.ExitCode}: {System.IO.File.ReadLines(log).LastOrDefault(line => line.Trim().Length > 0)} (whole log: {log})");
        if (DateTime.UtcNow > deadline) throw new CakeException($"mongod did not start; see {log}");
        Thread.Sleep(200);
    }
    Information($"MongoDB         127.0.0.1:{port} ({mongod})");
    return () => Kill(process);
}

/// <summary>
/// A RabbitMQ node from Debian's rabbitmq-server (apt-get install rabbitmq-server) with its ports, data, logs and Erlang
/// cookie of its own under <paramref name="data"/>, and its own epmd, so stopping it leaves nothing behind.
/// </summary>
Action StartRabbitMq(DirectoryPath data, DirectoryPath logs, int amqpPort, int distPort, int epmdPort)
{
    // Runs as the invoking user; /usr/sbin/rabbitmq-server would switch to the rabbitmq user when run as root.
    var server = new[] { "/usr/lib/rabbitmq/bin" }.Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        .Select(dir => System.IO.Path.Combine(dir, "rabbitmq-server")).FirstOrDefault(System.IO.File.Exists)
        ?? throw new CakeException("rabbitmq-server not found; install RabbitMQ (apt-get install rabbitmq-server).");
    EnsureDirectoryExists(data);
    EnsureDirectoryExists(logs);
    var plugins = data.CombineWithFilePath("enabled_plugins").FullPath;
    System.IO.File.WriteAllText(plugins, "[].");
    var log = logs.CombineWithFilePath("rabbitmq.log").FullPath;
    var environment = new Dictionary<string, string>
    {
        ["HOME"] = data.FullPath,
        ["RABBITMQ_NODENAME"] = "orders@localhost",
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = amqpPort.ToString(),
        ["RABBITMQ_DIST_PORT"] = distPort.ToString(),
        ["ERL_EPMD_PORT"] = epmdPort.ToString(),
        ["RABBITMQ_MNESIA_BASE"] = data.Combine("mnesia").FullPath,
        ["RABBITMQ_LOG_BASE"] = logs.Combine("rabbitmq").FullPath,
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = plugins,
        // epmd and Erlang distribution on loopback too, like AMQP.
        ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
    };
    Process Start(string command)
    {
        var info = new ProcessStartInfo("bash", $"-c \"{command}\"") { UseShellExecute = false };
        foreach (var (name, value) in environment) info.Environment[name] = value;
        return Process.Start(info)!;
    }

    var epmd = Start($"exec epmd -port {epmdPort} > /dev/null 2>&1");
    // Listening before the node starts, or the node would start an epmd daemon of its own that outlives it.
    for (var attempt = 0; attempt < 50; attempt++)
    {
        try
        {
            using var probe = new System.Net.Sockets.TcpClient("127.0.0.1", epmdPort);
            break;
        }
        catch (System.Net.Sockets.SocketException)
        {
            Thread.Sleep(100);
        }
    }
    var node = Start($"exec '{server}' > '{log}' 2>&1");
    var deadline = DateTime.UtcNow.AddMinutes(3);
    while (!(System.IO.File.Exists(log) && System.IO.File.ReadAllText(log).Contains("Starting broker... completed")))
    {
        if (node.HasExited || DateTime.UtcNow > deadline)
        {
            Kill(node);
            Kill(epmd);
            throw new CakeException($"RabbitMQ did not start; see {log}");
        }
        Thread.Sleep(250);
    }
    Information($"RabbitMQ        127.0.0.1:{amqpPort} (data in {data.FullPath})");
    return () =>
    {
        Kill(node);
        Kill(epmd);
    };
}

Action StartHost(string project, string url, IDictionary<string, string> environment = null, DirectoryPath logs = null, string logName = null)
{
    logs ??= local.Combine("logs");
    EnsureDirectoryExists(logs);
    var log = logs.CombineWithFilePath($"{logName ?? project}.log").FullPath;
    var dll = MakeAbsolute(File($"./src/{project}/bin/{configuration}/net10.0/Orders.{project}.dll")).FullPath;
    // Appended, one header per run: the trace id of yesterday's 500 is still there today.
    System.IO.File.AppendAllText(log, $"{Environment.NewLine}==== {project} started {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ} ({url}) ===={Environment.NewLine}");
    var info = new ProcessStartInfo("bash", $"-c \"exec dotnet '{dll}' --urls {url} >> '{log}' 2>&1\"")
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
