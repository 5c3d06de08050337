using System.Collections.Concurrent;
using MongoDB.Driver.Core.Events;

namespace Orders.InventoryHost.Tests.Stock;

/// <summary>
/// A client of its own on a test's database that records every command sent to that database, and can act just before
/// one is sent (to arrange a race at the exact point the code under test must cope with it).
/// </summary>
public sealed class CommandWatch : IDisposable
{
    private readonly ConcurrentQueue<string> _sent = new();
    private readonly MongoClient _client;

    public CommandWatch(string connectionString, string databaseName, Action<CommandStartedEvent>? beforeSend)
    {
        var settings = MongoClientSettings.FromConnectionString(connectionString);
        settings.ClusterConfigurator = cluster => cluster.Subscribe<CommandStartedEvent>(command =>
        {
            if (command.DatabaseNamespace?.DatabaseName != databaseName)
            {
                return;
            }

            _sent.Enqueue(command.CommandName);
            beforeSend?.Invoke(command);
        });
        _client = new MongoClient(settings);
        Database = _client.GetDatabase(databaseName);
    }

    public IMongoDatabase Database { get; }

    /// <summary>The names of the commands sent so far (insert, update, findAndModify...), in order.</summary>
    public IReadOnlyList<string> Sent => [.. _sent];

    public void Forget() => _sent.Clear();

    public void Dispose() => _client.Dispose();
}
