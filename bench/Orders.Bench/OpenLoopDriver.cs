using System.Collections.Concurrent;
using System.Diagnostics;

namespace Orders.Bench;

/// <summary>
/// Open loop: request i is due at t0 + i/rate whatever became of the ones before, and its latency runs from when it was
/// due, not from when it went out. A slow answer delays no later request and hides no queueing (no coordinated
/// omission). A request that could not go out on time (the tool was late, or the step's most requests in flight were
/// outstanding) carries that wait in its latency, and counts as a late start.
/// </summary>
internal sealed class OpenLoopDriver(BenchOptions options, IReadOnlyList<string> productIds)
{
    /// <summary>Going out this long after it was due makes a late start: the tool, not the system, held the request back.</summary>
    public static readonly TimeSpan LateStart = TimeSpan.FromMilliseconds(10);

    /// <summary>The scheduler sleeps at least this long between sends: a request may go out about this late, in its latency.</summary>
    private static readonly TimeSpan SchedulerTick = TimeSpan.FromMilliseconds(1);

    private readonly long[] _soldUnits = new long[productIds.Count];

    public IReadOnlyList<long> SoldUnits => _soldUnits;

    public async Task<OpenLoopMeasurement> RunAsync(OpenLoopStep step, string name, TimeSpan warmup, Func<OrderPlan, Task<Attempt>> place)
    {
        var duration = options.OpenDuration;
        var total = (long)Math.Ceiling(step.Rate * (warmup + duration).TotalSeconds);
        var firstMeasured = (long)Math.Ceiling(step.Rate * warmup.TotalSeconds);
        var samples = new Sample[Math.Max(0, total - firstMeasured)];
        var outcomes = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        using var slots = new SemaphoreSlim(step.MaxInFlight);
        var clock = new Stopwatch();
        var requests = new Task[total];

        async Task SendAsync(long i, TimeSpan due)
        {
            await slots.WaitAsync();
            try
            {
                var startedAt = clock.Elapsed;
                var plan = OrderPlan.For((int)(i % options.Clients), i / options.Clients, options, productIds);
                var attempt = await LoadDriver.AttemptAsync(place, plan);
                var endedAt = clock.Elapsed;
                if (attempt.Confirmed)
                {
                    foreach (var line in plan.Lines)
                    {
                        Interlocked.Add(ref _soldUnits[line.Index], line.Quantity);
                    }
                }

                if (i >= firstMeasured)
                {
                    samples[i - firstMeasured] = new Sample((endedAt - due).TotalMilliseconds, startedAt - due > LateStart, endedAt, attempt.Confirmed);
                    outcomes.AddOrUpdate(attempt.Outcome, 1, (_, count) => count + 1);
                }
            }
            finally
            {
                slots.Release();
            }
        }

        Console.Error.WriteLine(FormattableString.Invariant(
            $"  {name}: open loop at {step.Rate:0}/s ({step.Load:P0} of raw), {warmup.TotalSeconds:0.#} s warm-up, {duration.TotalSeconds:0.#} s measured"));

        // Its own thread, so the schedule keeps time however busy the thread pool is with the answers.
        await Task.Factory.StartNew(
            () =>
            {
                clock.Start();
                for (long i = 0; i < total; i++)
                {
                    var due = TimeSpan.FromSeconds(i / step.Rate);
                    while (clock.Elapsed < due)
                    {
                        Thread.Sleep(due - clock.Elapsed is var wait && wait > SchedulerTick ? wait : SchedulerTick);
                    }

                    var index = i;
                    requests[i] = Task.Run(() => SendAsync(index, due));
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        await Task.WhenAll(requests);

        // Over confirmed orders only: a quick refusal would otherwise pass for a quick order; errors are counted apart.
        var latencies = samples.Where(sample => sample.Confirmed).Select(sample => sample.LatencyMs).Order().ToArray();
        var confirmed = samples.Count(sample => sample.Confirmed);
        var windowEnd = samples.Length == 0 ? warmup + duration : TimeSpan.FromTicks(Math.Max((warmup + duration).Ticks, samples.Max(sample => sample.EndedAt).Ticks));
        return new OpenLoopMeasurement(
            step.Mode,
            step.MaxInFlight,
            name,
            step.Load,
            step.Rate,
            samples.Length,
            confirmed / (windowEnd - warmup).TotalSeconds,
            new Latency(LoadDriver.Percentile(latencies, 0.50), LoadDriver.Percentile(latencies, 0.90), LoadDriver.Percentile(latencies, 0.99), latencies.Length == 0 ? 0 : latencies[^1]),
            samples.Length - confirmed,
            samples.Count(sample => sample.Late),
            outcomes.OrderByDescending(pair => pair.Value).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal));
    }

    /// <summary>A measured request: latency from when it was due to its answer, whether it went out over <see cref="LateStart"/> late, when it ended.</summary>
    private readonly record struct Sample(double LatencyMs, bool Late, TimeSpan EndedAt, bool Confirmed);
}

/// <summary>
/// One open-loop step's figures: requests due in the measured window, orders confirmed per second (over the window, or
/// until the last of its answers if that came later), the confirmed orders' latency from when each was due, and the
/// requests that confirmed no order (errors), went out late, or ended in each outcome.
/// </summary>
internal sealed record OpenLoopMeasurement(
    string Mode,
    int MaxInFlight,
    string Name,
    double Load,
    double TargetPerSecond,
    long Requests,
    double AchievedPerSecond,
    Latency LatencyMs,
    long Errors,
    long LateStarts,
    IReadOnlyDictionary<string, long> Outcomes,
    StockCheck? Stock = null);
