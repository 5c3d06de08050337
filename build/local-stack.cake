// Starting and stopping the local stack's processes: PostgreSQL, MongoDB, RabbitMQ and the hosts, for Run, Bench and the balanced stack.

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
