using MongoDB.Driver;
using Npgsql;
using Orders.Bench;
using Orders.Postgres;

if (args is [EchoServer.Argument, var echoPort])
{
    await EchoServer.RunAsync(int.Parse(echoPort, System.Globalization.CultureInfo.InvariantCulture));
    return 0;
}

if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception exception) when (exception is ArgumentException or FormatException)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

// Counted before anything is sent: the raw runs' commands per order come from the load tool's own drivers.
using var driverCommands = new DriverCommands();
using var hostCommands = HostCommands.For(options);

// The raw baseline talks to PostgreSQL as the hosts do (RepeatedStatements): statements prepared once per connection,
// no DISCARD ALL when a connection goes back to the pool. Else the baseline would pay for work the system it is set
// against does not do.
var rawConnection = RepeatedStatements.Tuned(options.Postgres);
rawConnection.MaxPoolSize = Math.Max(100, options.Clients * 2);
await using var orders = NpgsqlDataSource.Create(rawConnection);
var inventory = new MongoClient(driverCommands.Counting(MongoClientSettings.FromConnectionString(options.Mongo))).GetDatabase(options.MongoDatabase);
var raw = new RawStorage(orders, inventory);
using var stockRoom = StockRoom.Open(options, orders);
using var http = HttpOrders.CreateClient(options, options.Clients);
var httpOrders = new HttpOrders(http, options.Idempotency);
var runId = DateTime.UtcNow.ToString("MMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);

// Started before the first floor run, so its idle CPU stays out of the other runs' reports.
EchoServer.Running? echoServer = null;
HopFloor? floor = null;

(string Name, Func<OrderPlan, Task<Attempt>> Place) Load(string mode, HttpOrders system) => mode switch
{
    HopFloor.GrpcMode => ("floor: an empty gRPC call (Inventory.Commit, canned reply)", floor!.CallGrpcAsync),
    HopFloor.HttpMode => ("floor: POST /orders answered at once (canned 201)", floor!.PostAsync),
    "mongo" => ("MongoDB alone: conditional $inc per line", raw.TakeOnlyAsync),
    "postgres" => ("PostgreSQL alone: insert + confirm batches", raw.StoreOnlyAsync),
    "raw" => ("raw storage: Npgsql + MongoDB.Driver", raw.PlaceAsync),
    _ => ("full system: REST → saga → gRPC → stores", system.PlaceAsync),
};

var runs = new List<RunReport>();
try
{
    foreach (var (mode, round, warmup, clients) in PlannedRun.For(options))
    {
        if (HopFloor.IsFloor(mode) && floor is null)
        {
            echoServer = await EchoServer.StartAsync(options.EchoPort);
            floor = new HopFloor(echoServer.Grpc, echoServer.Http, options);
        }

        var (name, place) = Load(mode, httpOrders);
        if (clients is { } fewer)
        {
            name = $"{name}, {fewer} client{(fewer == 1 ? "" : "s")}";
        }

        var floorRun = HopFloor.IsFloor(mode);
        var products = floorRun ? HopFloor.Products(options) : await stockRoom.RestockAsync($"bench-{runId}-{mode}-{round}-{clients ?? options.Clients}");
        var driver = new LoadDriver(options with { Warmup = warmup, Clients = clients ?? options.Clients }, products);
        // The hosts are read in every run: while only the stores are loaded, what they send is their own background.
        ICommandCounter[] counters = mode switch { "http" => [hostCommands], _ when floorRun => [], _ => [driverCommands, hostCommands] };
        var measurement = await driver.RunAsync(round == 1 || clients is not null ? name : $"{name}, round {round}", place, counters);
        var stock = mode == "postgres" || floorRun ? null : await stockRoom.CheckAsync(products, driver.SoldUnits, ordersStored: mode != "mongo");
        runs.Add(new RunReport(mode, measurement, stock, round));
    }
}
finally
{
    floor?.Dispose();
    echoServer?.Dispose();
}

// Open loop: requests in flight are bounded by --open-max-in-flight, not by the clients, so the client needs as many connections.
using var openHttp = HttpOrders.CreateClient(options, options.OpenMaxInFlight);
var openOrders = new HttpOrders(openHttp, options.Idempotency);
var openLoop = new List<OpenLoopMeasurement>();
foreach (var step in OpenLoopStep.For(options, runs))
{
    var (name, place) = Load(step.Mode, openOrders);
    var products = await stockRoom.RestockAsync(FormattableString.Invariant($"bench-{runId}-open-{step.Mode}-{step.Load * 100:0}"));
    var driver = new OpenLoopDriver(options, products);
    var measurement = await driver.RunAsync(step, name, options.OpenWarmup, place);
    openLoop.Add(measurement with { Stock = await stockRoom.CheckAsync(products, driver.SoldUnits, ordersStored: true) });
}

var report = new BenchReport(DateTimeOffset.UtcNow, BenchReport.MachineDescription(), BenchSettings.From(options), runs, openLoop);
var markdown = report.ToMarkdown();
Console.WriteLine();
Console.WriteLine(markdown);
if (options.JsonPath is { } jsonPath)
{
    await File.WriteAllTextAsync(jsonPath, report.ToJson());
}

if (options.MarkdownPath is { } markdownPath)
{
    await File.WriteAllTextAsync(markdownPath, markdown);
}

var sold = runs.Where(run => run.Mode is "http" or "raw").All(run => run.Measurement.Outcomes.Count > 0 && (run.Stock?.Answered ?? 0) > 0);
if (!report.Conserved || !sold)
{
    Console.Error.WriteLine(report.Conserved ? "No order was confirmed in a run that sells: see the outcomes." : "Stock was not conserved: see the stock check.");
    return 1;
}

return 0;
