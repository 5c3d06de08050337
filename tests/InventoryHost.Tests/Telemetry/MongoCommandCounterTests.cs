using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using MongoDB.Bson;
using Orders.Contracts.Inventory.V1;
using Orders.InventoryHost.Telemetry;

namespace Orders.InventoryHost.Tests.Telemetry;

/// <summary>The count of MongoDB commands by name and origin, from which the load benchmark reads commands per order.</summary>
public sealed partial class MongoCommandCounterTests
{
    private MongoServer _server = null!;
    private string _database = null!;

    [SetUp]
    public async Task TakeADatabase()
    {
        _server = await MongoServer.GetAsync();
        _database = MongoServer.NewDatabaseName("counted");
    }

    [TearDown]
    public Task DropIt() => _server.Client.DropDatabaseAsync(_database);

    [Test]
    public async Task A_command_sent_while_a_call_is_served_counts_as_a_call_by_its_name()
    {
        using var counted = new CountedCommands();
        var calls = new HttpContextAccessor { HttpContext = new DefaultHttpContext() };

        await InsertWith(calls);

        Assert.That(counted.Seen, Does.Contain(("insert", "call")).And.No.Contains(("insert", "background")));
    }

    [Test]
    public async Task A_command_sent_outside_any_call_counts_as_background()
    {
        using var counted = new CountedCommands();

        await InsertWith(new HttpContextAccessor());

        Assert.That(counted.Seen, Does.Contain(("insert", "background")).And.No.Contains(("insert", "call")));
    }

    [Test]
    public async Task The_host_exports_the_commands_of_its_calls_on_its_metrics_endpoint()
    {
        await using var factory = InventoryHostFactory.Create(_server.ConnectionString, _database);
        using var channel = InventoryHostFactory.ChannelTo(factory);
        using var http = factory.CreateClient();
        var before = CallCommands(await http.GetStringAsync(new Uri("/metrics", UriKind.Relative)));

        var reply = await new Inventory.InventoryClient(channel.WithServiceKey()).ReserveAsync(
            new ReserveRequest { ReservationId = "order-1", Lines = { new StockLine { ProductId = "p1", Quantity = 1 } } },
            deadline: DateTime.UtcNow.AddSeconds(15));
        var after = await CallCommandsOnceMovedAsync(http, before);

        Assert.That(reply.OutcomeCase, Is.EqualTo(ReserveReply.OutcomeOneofCase.Reserved));
        Assert.That(after, Is.GreaterThan(before), "a reservation costs at least one command, counted as the call's");
    }

    private async Task InsertWith(IHttpContextAccessor calls)
    {
        using var client = new MongoClient(MongoClientSettings.FromConnectionString(_server.ConnectionString).CountingCommands(calls));
        await client.GetDatabase(_database).GetCollection<BsonDocument>("things").InsertOneAsync(new BsonDocument("_id", 1));
    }

    /// <summary>The exporter answers from a cache for a moment (300 ms by default): read until the figure moves, or give up.</summary>
    private static async Task<double> CallCommandsOnceMovedAsync(HttpClient http, double before)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            var now = CallCommands(await http.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
            if (now > before || DateTime.UtcNow > deadline)
            {
                return now;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The sum of the exported counter's series whose origin is a call.</summary>
    private static double CallCommands(string metrics) =>
        CallSeries().Matches(metrics).Sum(match => double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex("""^inventory_mongo_commands_total\{[^}]*origin="call"[^}]*\} (\S+)""", RegexOptions.Multiline)]
    private static partial Regex CallSeries();

    /// <summary>Every (command, origin) the counter recorded while it listened.</summary>
    private sealed class CountedCommands : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string, string)> _seen = new();

        public CountedCommands()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == InventoryTelemetry.MeterName && instrument.Name == MongoCommandCounter.InstrumentName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
            {
                string? command = null, origin = null;
                foreach (var tag in tags)
                {
                    command = tag.Key == "command" ? tag.Value as string : command;
                    origin = tag.Key == "origin" ? tag.Value as string : origin;
                }

                _seen.Enqueue((command ?? "", origin ?? ""));
            });
            _listener.Start();
        }

        public IReadOnlyList<(string Command, string Origin)> Seen => [.. _seen];

        public void Dispose() => _listener.Dispose();
    }
}
