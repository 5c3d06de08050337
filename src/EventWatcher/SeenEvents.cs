namespace Orders.EventWatcher;

/// <summary>
/// The ids of the last events handled: delivery is at least once (a relay that dies before marking an event sent
/// publishes it again), so an id seen before is a duplicate. Bounded, oldest forgotten first.
/// </summary>
internal sealed class SeenEvents(int capacity)
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>True the first time an id is offered, false for a duplicate.</summary>
    public bool TryAdd(string id)
    {
        if (!_ids.Add(id))
        {
            return false;
        }

        _order.Enqueue(id);
        if (_order.Count > capacity)
        {
            _ids.Remove(_order.Dequeue());
        }

        return true;
    }
}
