using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using MongoDB.Driver;
using MongoDB.Driver.Core.Events;
using Npgsql;

namespace Orders.Bench;

/// <summary>
/// The load tool's own drivers, counted in process: its MongoClient's command events, and its Npgsql data sources'
/// commands through Npgsql's meter, which records one <c>db.client.operation.duration</c> per command or batch sent,
/// that is per round trip (a transaction's COMMIT would not be seen; the raw runs use none).
/// </summary>
internal sealed class DriverCommands : ICommandCounter, IDisposable
{
    public const string NpgsqlMeter = "Npgsql";
    public const string NpgsqlOperations = "db.client.operation.duration";
    public const string NpgsqlPoolTag = "db.client.connection.pool.name";

    private readonly ConcurrentDictionary<string, long> _mongo = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _postgres = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _databaseOfPool = new(StringComparer.Ordinal);
    private readonly MeterListener _listener = new();

    public DriverCommands()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == NpgsqlMeter && instrument.Name == NpgsqlOperations)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: NpgsqlPoolTag, Value: string pool })
                {
                    _postgres.AddOrUpdate(_databaseOfPool.GetOrAdd(pool, DatabaseOf), 1, (_, count) => count + 1);
                }
            }
        });
        _listener.Start();
    }

    public const string Name = "load tool";

    public string CountedBy => Name;

    /// <summary>The settings, counting every command their client sends.</summary>
    public MongoClientSettings Counting(MongoClientSettings settings)
    {
        settings.ClusterConfigurator = cluster => cluster.Subscribe<CommandStartedEvent>(
            command => _mongo.AddOrUpdate(command.CommandName, 1, (_, count) => count + 1));
        return settings;
    }

    public Task<CommandTotals?> ReadAsync()
    {
        var mongo = _mongo.ToArray();
        return Task.FromResult<CommandTotals?>(new CommandTotals(
            mongo.Where(pair => !CommandTotals.ConnectionCommands.Contains(pair.Key)).ToDictionary(StringComparer.Ordinal),
            mongo.Where(pair => CommandTotals.ConnectionCommands.Contains(pair.Key)).ToDictionary(StringComparer.Ordinal),
            _postgres.ToDictionary(StringComparer.Ordinal)));
    }

    /// <summary>
    /// The database a pool serves: Npgsql names a pool by its connection string (password left out) unless it is given
    /// a name, and then the name is all there is.
    /// </summary>
    public static string DatabaseOf(string pool)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(pool).Database is { Length: > 0 } database ? database : pool;
        }
        catch (ArgumentException)
        {
            return pool;
        }
    }

    public void Dispose() => _listener.Dispose();
}
