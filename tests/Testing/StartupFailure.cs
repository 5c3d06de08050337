namespace Orders.Testing;

/// <summary>
/// Why a host refused to start. WebApplicationFactory races a host that fails early: when the host's own thread has
/// already failed and disposed it, the factory reports <see cref="ObjectDisposedException"/> instead of the failure
/// (dotnet/aspnetcore#33494). The failure itself does not depend on timing, so a fresh host shows it.
/// </summary>
public static class StartupFailure
{
    private const int MaxAttempts = 5;

    public static async Task<Exception> OfAsync<THost>(Func<Task<THost>> create, Action<THost> start)
        where THost : IDisposable
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            using var host = await create();
            try
            {
                start(host);
            }
            catch (ObjectDisposedException) when (attempt < MaxAttempts)
            {
                continue;
            }
            catch (Exception failure)
            {
                return failure;
            }

            throw new InvalidOperationException("The host started.");
        }

        throw new InvalidOperationException("Unreachable: the last attempt returns or throws.");
    }

    public static Task<Exception> OfAsync<THost>(Func<THost> create, Action<THost> start)
        where THost : IDisposable =>
        OfAsync(() => Task.FromResult(create()), start);
}
