using MongoDB.Bson;
using MongoDB.Driver;
using Orders.Contracts.Hosting;

namespace Orders.InventoryHost.Stock;

/// <summary>MongoDB answers a ping; each try is cut short after <see cref="AttemptTimeout"/>, where the driver would look for a server for 30 s.</summary>
internal sealed class MongoStartupProbe(IMongoDatabase database) : StartupProbe
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(3);

    public override StartupDependency Dependency { get; } = new(
        "MongoDB",
        "Inventory:Mongo:ConnectionString",
        "start a mongod (./build.sh --target=Run starts one; with Docker: docker compose up -d mongo)");

    public override async Task ProbeAsync(CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(AttemptTimeout);
        try
        {
            await database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: attempt.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no answer within {AttemptTimeout.TotalSeconds:0} s");
        }
    }

    public override bool IsUnreachable(Exception exception) =>
        exception is TimeoutException or MongoConnectionException;
}
