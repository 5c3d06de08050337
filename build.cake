// Orders build. ./build.sh --target=<Task>; the default is Test.
#load "build/DevelopmentTokens.cake"
#load "./build/balanced-stack.cake"
#load "./build/local-stack.cake"
#load "./build/bench.cake"
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
