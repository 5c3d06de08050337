using Npgsql;
using Orders.PaymentHost.Emulator;

namespace Orders.PaymentHost.Store;

/// <summary>
/// A payments database that can't be reached (down, restarting, no connection free) makes the provider unavailable,
/// which callers retry: every payment operation is idempotent by its id. Any other database error is a bug.
/// </summary>
internal static class StoreFailures
{
    public static async Task<T> UnavailableWhenUnreachable<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (NpgsqlException exception) when (IsUnreachable(exception))
        {
            throw new PaymentProviderUnavailableException("The payments database is unreachable; retry the call.", exception);
        }
    }

    // Class 08 is a lost connection, 53 a server out of resources, 57P a server shutting down or starting.
    private static bool IsUnreachable(NpgsqlException exception) => exception switch
    {
        PostgresException postgres => postgres.IsTransient
            || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("53", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal),
        _ => true,
    };
}
