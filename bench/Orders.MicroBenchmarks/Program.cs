using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Running;

namespace Orders.MicroBenchmarks;

/// <summary>
/// Micro-benchmarks of placing an order in process. BenchmarkDotNet's command line picks what runs:
/// <c>--filter *</c>, <c>--job short</c> (or <c>dry</c> to check they run), <c>--list flat</c>.
/// Reports go to BenchmarkDotNet.Artifacts/results as GitHub markdown.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var defaults = DefaultConfig.Instance;
        var config = ManualConfig.CreateMinimumViable()
            .AddValidator([.. defaults.GetValidators()])
            .AddAnalyser([.. defaults.GetAnalysers()])
            .AddExporter(MarkdownExporter.GitHub);

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config).ToList();

        // A benchmark that threw or did not build is a failure, not an empty row in a report nobody reads.
        return summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;
    }
}
