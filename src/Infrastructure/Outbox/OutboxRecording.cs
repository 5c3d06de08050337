using Microsoft.EntityFrameworkCore;
using Orders.Domain.Orders;

namespace Orders.Infrastructure.Outbox;

/// <summary>
/// For writes through SaveChanges: the events of every tracked order whose status changes, added to the context so
/// SaveChanges stores them in the orders' transaction. Disposing forgets them, saved or not, so a failed save does
/// not leave an event behind for the context's next save.
/// </summary>
internal sealed class OutboxRecording : IDisposable
{
    private readonly DbContext _context;
    private readonly List<OutboxMessage> _messages;

    private OutboxRecording(DbContext context, List<OutboxMessage> messages)
    {
        _context = context;
        _messages = messages;
    }

    public static OutboxRecording Of(DbContext context)
    {
        context.ChangeTracker.DetectChanges();
        var messages = context.ChangeTracker.Entries<Order>()
            .Select(OrderEvents.OfPendingChange)
            .OfType<OutboxMessage>()
            .ToList();
        context.AddRange(messages);
        return new OutboxRecording(context, messages);
    }

    public void Dispose()
    {
        foreach (var message in _messages)
        {
            _context.Entry(message).State = EntityState.Detached;
        }
    }
}
