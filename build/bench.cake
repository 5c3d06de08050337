// The Bench task: the load benchmark on a fresh stack of its own ports (docs/benchmarks.md).

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
