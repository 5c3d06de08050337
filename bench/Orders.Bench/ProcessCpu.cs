using System.Globalization;

namespace Orders.Bench;

/// <summary>
/// CPU time used so far by each process of a local stack, grouped by role, from <c>/proc</c> (Linux). Taken when the
/// measured window opens and when it closes, it gives the CPU each process spends per order: on a shared machine,
/// where throughput swings between identical runs, a steadier figure for what a change bought. Empty without
/// <c>/proc</c>; a process that exits inside the window takes its CPU with it.
/// </summary>
internal static class ProcessCpu
{
    /// <summary>Roles in the order they are reported.</summary>
    public static readonly IReadOnlyList<string> Roles = ["WebApi", "InventoryHost", "PaymentHost", "MongoDB", "PostgreSQL", "RabbitMQ", "echo server", "load tool"];

    /// <summary><c>/proc/[pid]/stat</c> counts in USER_HZ, which Linux fixes at 100 per second.</summary>
    private const double TicksPerSecond = 100;

    public static IReadOnlyDictionary<string, double> Snapshot()
    {
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!Directory.Exists("/proc"))
        {
            return seconds;
        }

        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(process), out _))
            {
                continue;
            }

            try
            {
                if (RoleOf(File.ReadAllText(Path.Combine(process, "cmdline")).Replace('\0', ' ')) is { } role)
                {
                    seconds[role] = seconds.GetValueOrDefault(role) + CpuTicks(File.ReadAllText(Path.Combine(process, "stat"))) / TicksPerSecond;
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The process ended between listing and reading: its CPU is gone with it.
            }
        }

        return seconds;
    }

    /// <summary>Which part of the stack a command line belongs to, or null for anything else on the machine.</summary>
    public static string? RoleOf(string commandLine) => commandLine switch
    {
        _ when commandLine.Contains("Orders.WebApi", StringComparison.Ordinal) => "WebApi",
        _ when commandLine.Contains("Orders.InventoryHost", StringComparison.Ordinal) => "InventoryHost",
        _ when commandLine.Contains("Orders.PaymentHost", StringComparison.Ordinal) => "PaymentHost",
        _ when commandLine.Contains(EchoServer.Argument, StringComparison.Ordinal) => "echo server",
        _ when commandLine.Contains("Orders.Bench", StringComparison.Ordinal) => "load tool",
        _ when commandLine.Contains("mongod", StringComparison.Ordinal) || commandLine.Contains("mongo-test-server", StringComparison.Ordinal) => "MongoDB",
        _ when commandLine.StartsWith("postgres", StringComparison.Ordinal) || commandLine.Contains("bin/postgres ", StringComparison.Ordinal) => "PostgreSQL",
        _ when commandLine.Contains("beam.smp", StringComparison.Ordinal) && commandLine.Contains("rabbit", StringComparison.Ordinal) => "RabbitMQ",
        _ => null,
    };

    /// <summary>
    /// User plus system time of a <c>/proc/[pid]/stat</c> line: fields 14 and 15, counted after the command name, which
    /// is in parentheses and may itself hold spaces and parentheses.
    /// </summary>
    public static long CpuTicks(string stat)
    {
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    /// <summary>Milliseconds of CPU per order by role between two snapshots, roles in report order; null without orders or data.</summary>
    public static IReadOnlyDictionary<string, double>? PerOrder(
        IReadOnlyDictionary<string, double> before, IReadOnlyDictionary<string, double> after, long orders)
    {
        if (orders <= 0 || after.Count == 0)
        {
            return null;
        }

        return Roles.Where(after.ContainsKey)
            .ToDictionary(role => role, role => 1000 * Math.Max(0, after[role] - before.GetValueOrDefault(role)) / orders, StringComparer.Ordinal);
    }
}
