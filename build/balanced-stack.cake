// The Run target with --instances=N: N WebApi and N InventoryHost instances (and the PaymentHost as its records
// allow) behind HAProxy from Debian's packages, run in the foreground with a configuration written here.

/// <summary>Where everything of a balanced stack listens: the default ports of the Run target, or all derived from one base.</summary>
sealed record StackPorts(int Postgres, int Mongo, int Api, int Inventory, int Payment, int Statistics, int ApiInstances, int InventoryInstances, int PaymentInstances)
{
    public static StackPorts Default { get; } = new(55432, 27017, 8080, 5001, 5002, 8404, 8081, 5101, 5201);

    /// <summary>Every port from <paramref name="basePort"/> on, so a second stack can run beside the first.</summary>
    public static StackPorts From(int basePort) =>
        new(basePort, basePort + 1, basePort + 2, basePort + 3, basePort + 4, basePort + 5, basePort + 10, basePort + 30, basePort + 50);
}

/// <summary>
/// PostgreSQL, MongoDB, HAProxy, then the gRPC hosts and the WebApis, each WebApi's gRPC clients pointed at the
/// balancer; returns once the balancer answers /health/ready. The action returned stops them in reverse.
/// </summary>
Action StartBalancedStack(DirectoryPath root, DirectoryPath logs, StackPorts ports, int instances, int paymentInstances, IDictionary<string, string> apiSettings = null)
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
        var apis = Enumerable.Range(0, instances).Select(index => ports.ApiInstances + index).ToList();
        var inventories = Enumerable.Range(0, instances).Select(index => ports.InventoryInstances + index).ToList();
        var payments = Enumerable.Range(0, paymentInstances).Select(index => ports.PaymentInstances + index).ToList();
        started.Push(StartPostgres(root.Combine("postgres"), ports.Postgres));
        started.Push(StartMongo(root.Combine("mongo"), ports.Mongo, logs));
        started.Push(StartHaproxy(root.CombineWithFilePath("haproxy.cfg"), logs, BalancerConfiguration(ports, apis, inventories, payments)));

        var inventorySettings = new Dictionary<string, string> { ["Inventory__Mongo__ConnectionString"] = $"mongodb://127.0.0.1:{ports.Mongo}" };
        foreach (var (port, index) in inventories.Select((port, index) => (port, index)))
        {
            started.Push(StartHost("InventoryHost", $"http://localhost:{port}", inventorySettings, logs, $"InventoryHost-{index + 1}"));
        }

        foreach (var (port, index) in payments.Select((port, index) => (port, index)))
        {
            started.Push(StartHost("PaymentHost", $"http://localhost:{port}",
                new Dictionary<string, string> { ["ConnectionStrings__Payments"] = PaymentsConnectionString(ports.Postgres) }, logs, $"PaymentHost-{index + 1}"));
        }

        var api = new Dictionary<string, string>(apiSettings ?? new Dictionary<string, string>())
        {
            ["ConnectionStrings__Orders"] = OrdersConnectionString(ports.Postgres),
            ["Services__Inventory__Address"] = $"http://localhost:{ports.Inventory}",
            ["Services__Payment__Address"] = $"http://localhost:{ports.Payment}",
        };
        foreach (var (port, index) in apis.Select((port, index) => (port, index)))
        {
            started.Push(StartHost("WebApi", $"http://localhost:{port}", api, logs, $"WebApi-{index + 1}"));
            // The first instance migrates the database alone: two migrating one empty database would race.
            if (index == 0) WaitUntilReady($"http://localhost:{port}/health/live", TimeSpan.FromMinutes(3));
        }

        WaitUntilReady($"http://localhost:{ports.Api}/health/ready", TimeSpan.FromMinutes(3));
        return StopAll;
    }
    catch
    {
        StopAll();
        throw;
    }
}

/// <summary>
/// One frontend per service, round robin over its instances per request (the gRPC ones HTTP/2 without TLS end to end,
/// so each call is balanced, not each connection), and an instance failing its readiness taken out until it passes.
/// </summary>
string BalancerConfiguration(StackPorts ports, IReadOnlyList<int> apis, IReadOnlyList<int> inventories, IReadOnlyList<int> payments)
{
    var text = new System.Text.StringBuilder($@"global
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

listen stats
    bind 127.0.0.1:{ports.Statistics}
    stats enable
    stats uri /
    stats refresh 2s

");
    void Service(string name, int frontend, IReadOnlyList<int> instances, string readiness, bool http2)
    {
        text.Append($"frontend {name}\n    bind 127.0.0.1:{frontend}{(http2 ? " proto h2" : "")}\n    default_backend {name}\n\n");
        // An absolute URI: a relative one is sent over HTTP/2 as :scheme https, which Kestrel refuses on a plain port.
        text.Append($"backend {name}\n    balance roundrobin\n    option httpchk\n    http-check send meth GET uri http://localhost{readiness}\n    http-check expect status 200\n");
        text.Append($"    default-server check inter 1s fall 2 rise 1{(http2 ? " proto h2 check-proto h2" : "")}\n");
        foreach (var (port, index) in instances.Select((port, index) => (port, index)))
        {
            text.Append($"    server {name}{index + 1} 127.0.0.1:{port}\n");
        }

        text.Append('\n');
    }

    Service("webapi", ports.Api, apis, "/health/ready", http2: false);
    Service("inventory", ports.Inventory, inventories, "/healthz", http2: true);
    Service("payment", ports.Payment, payments, "/healthz", http2: true);
    return text.ToString();
}

Action StartHaproxy(FilePath configuration, DirectoryPath logs, string text)
{
    EnsureDirectoryExists(configuration.GetDirectory());
    EnsureDirectoryExists(logs);
    System.IO.File.WriteAllText(configuration.FullPath, text);
    var haproxy = new[] { "/usr/sbin/haproxy", "/usr/local/sbin/haproxy" }.FirstOrDefault(System.IO.File.Exists)
        ?? throw new CakeException("haproxy not found; install it (apt-get install haproxy).");
    var log = logs.CombineWithFilePath("haproxy.log").FullPath;
    if (Exec(haproxy, $"-c -q -f {configuration.FullPath}") != 0) throw new CakeException($"HAProxy refused {configuration.FullPath}");
    var process = Process.Start(new ProcessStartInfo("bash", $"-c \"exec '{haproxy}' -f '{configuration.FullPath}' -db > '{log}' 2>&1\"") { UseShellExecute = false })!;
    Information($"HAProxy         {configuration.FullPath} (log {log})");
    return () => Kill(process);
}
