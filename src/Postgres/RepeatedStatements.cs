using Npgsql;

namespace Orders.Postgres;

/// <summary>
/// How a store whose few statements run again and again talks to PostgreSQL: each connection prepares them once
/// (Max Auto Prepare), and a pooled connection comes back without DISCARD ALL (No Reset On Close), which would drop
/// those prepared statements and cost a statement of its own. For stores that set no session state needing a reset.
/// Shared as source by the projects that open PostgreSQL connections, so the rule is written once.
/// </summary>
internal static class RepeatedStatements
{
    /// <summary>Prepared statements each connection keeps when the connection string leaves it at 0 (off).</summary>
    public const int DefaultMaxAutoPrepare = 32;

    public static NpgsqlConnectionStringBuilder Tuned(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        builder.NoResetOnClose = true;
        return builder;
    }
}
