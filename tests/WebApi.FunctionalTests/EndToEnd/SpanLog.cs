using System.Collections.ObjectModel;
using System.Diagnostics;

namespace Orders.WebApi.FunctionalTests.EndToEnd;

/// <summary>Spans the in-memory exporter adds from any thread (the recovery job's queries too), read as a snapshot.</summary>
internal sealed class SpanLog : Collection<Activity>
{
    private readonly Lock _gate = new();

    public IReadOnlyList<Activity> InTrace(ActivityTraceId traceId)
    {
        lock (_gate)
        {
            return [.. Items.Where(span => span.TraceId == traceId)];
        }
    }

    protected override void InsertItem(int index, Activity item)
    {
        lock (_gate)
        {
            base.InsertItem(index, item);
        }
    }
}
