using System.Collections.Concurrent;
using System.Diagnostics;

namespace Orders.Bench;

/// <summary>
/// Runs C clients, each placing one order after another, for a warm-up and then a measured window (a duration or a
/// number of orders). Only attempts started inside the window count toward throughput and latency; every attempt
/// counts toward what was sold, so the stock check covers the whole run. The window opens once every client has
/// finished its last warm-up order, so what is read at its edges (CPU, commands sent) belongs to its orders alone.
/// </summary>
internal sealed class LoadDriver(BenchOptions options, IReadOnlyList<string> productIds)
{
    private readonly long[] _soldUnits = new long[productIds.Count];
    private readonly ConcurrentDictionary<string, long> _outcomes = new(StringComparer.Ordinal);
    private long _completed;
    private long _measuredStarted;
    private int _arrived;

    public IReadOnlyList<long> SoldUnits => _soldUnits;

    /// <summary>One run; <paramref name="counters"/> are read when the measured window opens and when it closes, for the commands per order.</summary>
    public async Task<Measurement> RunAsync(string name, Func<OrderPlan, Task<Attempt>> place, IReadOnlyList<ICommandCounter> counters)
    {
        var clock = Stopwatch.StartNew();
        var opened = new TaskCompletionSource<WindowStart>(TaskCreationOptions.RunContinuationsAsynchronously);
        var latencies = new List<double>[options.Clients];
        var lastCompletion = new TimeSpan[options.Clients];

        async Task<TimeSpan> OpenWindowAsync()
        {
            if (Interlocked.Increment(ref _arrived) == options.Clients)
            {
                try
                {
                    var cpu = ProcessCpu.Snapshot();
                    opened.SetResult(new WindowStart(cpu, await CommandCount.ReadAllAsync(counters), clock.Elapsed));
                }
                catch (Exception exception)
                {
                    opened.SetException(exception);
                }
            }

            return (await opened.Task).At;
        }

        using var progress = new Progress(name, clock, () => Interlocked.Read(ref _completed), () => opened.Task.IsCompleted, options);
        var clients = Enumerable.Range(0, options.Clients).Select(client => Task.Run(async () =>
        {
            var mine = latencies[client] = new List<double>(4096);
            var measureFrom = TimeSpan.MaxValue;
            var measureUntil = TimeSpan.MaxValue;
            for (long sequence = 0; ; sequence++)
            {
                var startedAt = clock.Elapsed;
                if (measureFrom == TimeSpan.MaxValue && startedAt >= options.Warmup)
                {
                    measureFrom = await OpenWindowAsync();
                    measureUntil = options.Orders is null ? measureFrom + options.Duration : TimeSpan.MaxValue;
                    startedAt = clock.Elapsed;
                }

                if (startedAt >= measureUntil || (options.Orders is { } n && startedAt >= measureFrom && Interlocked.Increment(ref _measuredStarted) > n))
                {
                    return;
                }

                var plan = OrderPlan.For(client, sequence, options, productIds);
                var attempt = await AttemptAsync(place, plan);
                var endedAt = clock.Elapsed;
                Interlocked.Increment(ref _completed);
                if (attempt.Confirmed)
                {
                    foreach (var line in plan.Lines)
                    {
                        Interlocked.Add(ref _soldUnits[line.Index], line.Quantity);
                    }
                }

                if (startedAt >= measureFrom)
                {
                    mine.Add((endedAt - startedAt).TotalMilliseconds);
                    _outcomes.AddOrUpdate(attempt.Outcome, 1, (_, count) => count + 1);
                    lastCompletion[client] = endedAt;
                }
            }
        })).ToArray();
        await Task.WhenAll(clients);
        var cpuAtEnd = ProcessCpu.Snapshot();
        var commandsAtEnd = await CommandCount.ReadAllAsync(counters);

        var start = await opened.Task;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var window = lastCompletion.Max() - start.At;
        return new Measurement(
            name,
            options.Clients,
            all.Length,
            window.TotalSeconds,
            all.Length == 0 || window <= TimeSpan.Zero ? 0 : all.Length / window.TotalSeconds,
            new Latency(Percentile(all, 0.50), Percentile(all, 0.90), Percentile(all, 0.99), all.Length == 0 ? 0 : all[^1], all.Length == 0 ? null : all.Average()),
            _outcomes.OrderByDescending(pair => pair.Value).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal),
            ProcessCpu.PerOrder(start.Cpu, cpuAtEnd, all.Length),
            [.. counters.Select((counter, i) => CommandCount.Between(counter.CountedBy, start.Commands[i], commandsAtEnd[i], all.Length, window.TotalSeconds)).OfType<CommandCount>()]);
    }

    /// <summary>Nearest-rank percentile of sorted values, in milliseconds.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double fraction) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static async Task<Attempt> AttemptAsync(Func<OrderPlan, Task<Attempt>> place, OrderPlan plan)
    {
        try
        {
            return await place(plan);
        }
#pragma warning disable CA1031 // A failed attempt is a result to count, not a reason to stop the run.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return new Attempt($"error: {exception.GetType().Name}", Confirmed: false);
        }
    }

    /// <summary>A line while the run goes: in place on a terminal, every few seconds in a log.</summary>
    private sealed class Progress : IDisposable
    {
        private readonly Timer _timer;
        private readonly bool _inPlace = !Console.IsErrorRedirected;
        private long _lastCount;
        private int _ticks;

        public Progress(string name, Stopwatch clock, Func<long> completed, Func<bool> measuring, BenchOptions options)
        {
            var total = options.Orders is null ? $"{(options.Warmup + options.Duration).TotalSeconds:0}s" : $"{options.Orders} orders after warm-up";
            _timer = new Timer(_ =>
            {
                var count = completed();
                var rate = count - _lastCount;
                _lastCount = count;
                if (!_inPlace && ++_ticks % 5 != 0)
                {
                    return;
                }

                var phase = measuring() ? "measuring" : "warm-up";
                var line = $"  {name}: {clock.Elapsed.TotalSeconds,5:0}s of {total}, {phase}, {count,8:N0} orders, {rate,6:N0}/s";
                Console.Error.Write(_inPlace ? $"\r{line}   " : line + Environment.NewLine);
            }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }

        public void Dispose()
        {
            _timer.Dispose();
            if (_inPlace)
            {
                Console.Error.WriteLine();
            }
        }
    }
}

/// <summary>Percentiles and maximum in milliseconds; the mean where the parts of an order's time are added up (<see cref="WaitReport"/>).</summary>
internal sealed record Latency(double P50, double P90, double P99, double Max, double? Mean = null);

/// <summary>What was read when the measured window opened, and when (on the run's clock) that was.</summary>
internal sealed record WindowStart(IReadOnlyDictionary<string, double> Cpu, CommandTotals?[] Commands, TimeSpan At);

/// <summary>
/// One run's figures; <c>CpuMsPerOrder</c> is the CPU per measured order by process of the local stack (<see cref="ProcessCpu"/>),
/// <c>Commands</c> what each counter saw sent to the stores over the same window.
/// </summary>
internal sealed record Measurement(
    string Name,
    int Clients,
    long Orders,
    double Seconds,
    double OrdersPerSecond,
    Latency LatencyMs,
    IReadOnlyDictionary<string, long> Outcomes,
    IReadOnlyDictionary<string, double>? CpuMsPerOrder = null,
    IReadOnlyList<CommandCount>? Commands = null);
