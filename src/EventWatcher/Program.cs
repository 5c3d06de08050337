using Orders.EventWatcher;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

// Watches the order events: binds a queue to the orders exchange, prints each event once (by its id), acknowledges
// it after printing. Usage: dotnet run --project src/EventWatcher -- [amqp-uri] [binding-key]
const string Exchange = "orders";
const int RememberedIds = 100_000;

var uri = args.ElementAtOrDefault(0) ?? Environment.GetEnvironmentVariable("ORDERS_EVENTS_URI") ?? "amqp://guest:guest@localhost:5672/";
var bindingKey = args.ElementAtOrDefault(1) ?? "order.*";

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var factory = new ConnectionFactory { Uri = new Uri(uri), ClientProvidedName = "orders-event-watcher", AutomaticRecoveryEnabled = true };
await using var connection = await factory.CreateConnectionAsync(stop.Token);
await using var channel = await connection.CreateChannelAsync(cancellationToken: stop.Token);
await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: stop.Token);
var queue = await channel.QueueDeclareAsync(queue: "", durable: false, exclusive: true, autoDelete: true, cancellationToken: stop.Token);
await channel.QueueBindAsync(queue.QueueName, Exchange, bindingKey, cancellationToken: stop.Token);

var seen = new SeenEvents(RememberedIds);
var consumer = new AsyncEventingBasicConsumer(channel);
consumer.ReceivedAsync += async (_, delivery) =>
{
    var (id, line) = OrderEventLine.Read(delivery.Body.Span);
    Console.WriteLine(seen.TryAdd(id) ? line : $"{line}  (duplicate, skipped)");
    await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
};
await channel.BasicConsumeAsync(queue.QueueName, autoAck: false, consumer, stop.Token);

Console.WriteLine($"Watching exchange '{Exchange}' for '{bindingKey}' at {factory.Endpoint.HostName}:{factory.Endpoint.Port}. Ctrl+C stops.");
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    Console.WriteLine("Stopped.");
}
