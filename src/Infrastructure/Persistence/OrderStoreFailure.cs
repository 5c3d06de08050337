using System.Net.Sockets;
using Npgsql;

namespace Orders.Infrastructure.Persistence;

/// <summary>Tells a store that can't be reached (network, timeouts, server going away) from a bug in a query or mapping.</summary>
internal static class OrderStoreFailure
{
    public static bool IsUnavailable(Exception exception, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException { IsTransient: true } or TimeoutException or SocketException)
            {
                return true;
            }
        }

        return false;
    }
}
