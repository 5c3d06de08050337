using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace Orders.Infrastructure.Outbox;

/// <summary>
/// An order event's row as one more CTE of an order's update statement, guarded by the update's <c>updated</c> CTE:
/// the event is stored in the order's own round trip and transaction, and only when the order's row was written.
/// Names come from the EF Core model that makes the schema.
/// </summary>
internal sealed class OutboxStatement(IModel model)
{
    private readonly string _insertColumns = InsertColumns(model);

    /// <summary>The CTE <c>recorded</c>, its values the parameters from <paramref name="firstParameter"/> on.</summary>
    public string Cte(int firstParameter) => $"""
        recorded AS (
            INSERT INTO "{OutboxMessageConfiguration.Table}" ({_insertColumns})
            SELECT ${firstParameter}, ${firstParameter + 1}, ${firstParameter + 2}, ${firstParameter + 3}, ${firstParameter + 4}
            WHERE EXISTS (SELECT FROM updated))
        """;

    public static void AddParameters(NpgsqlParameterCollection parameters, OutboxMessage message)
    {
        parameters.Add(new NpgsqlParameter<Guid> { TypedValue = message.Id, NpgsqlDbType = NpgsqlDbType.Uuid });
        parameters.Add(new NpgsqlParameter<Guid> { TypedValue = message.OrderId, NpgsqlDbType = NpgsqlDbType.Uuid });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = message.Type, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = message.Envelope, NpgsqlDbType = NpgsqlDbType.Jsonb });
        parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = message.CreatedAt, NpgsqlDbType = NpgsqlDbType.TimestampTz });
    }

    private static string InsertColumns(IModel model)
    {
        var entityType = model.FindEntityType(typeof(OutboxMessage))
            ?? throw new InvalidOperationException($"The orders model does not map {nameof(OutboxMessage)}.");
        string[] written = [nameof(OutboxMessage.Id), nameof(OutboxMessage.OrderId), nameof(OutboxMessage.Type), nameof(OutboxMessage.Envelope), nameof(OutboxMessage.CreatedAt)];
        return string.Join(", ", written.Select(property => $"\"{entityType.FindProperty(property)!.GetColumnName()}\""));
    }
}
