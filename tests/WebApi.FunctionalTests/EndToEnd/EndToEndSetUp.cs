namespace Orders.WebApi.FunctionalTests.EndToEnd;

/// <summary>Starts the system once for every end-to-end test and stops it after the last one.</summary>
[SetUpFixture]
public sealed class EndToEndSetUp
{
    private static RunningSystem? _system;

    internal static RunningSystem System => _system ?? throw new InvalidOperationException("The system is not started.");

    [OneTimeSetUp]
    public async Task StartAsync() => _system = await RunningSystem.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_system is not null)
        {
            await _system.DisposeAsync();
        }
    }
}
