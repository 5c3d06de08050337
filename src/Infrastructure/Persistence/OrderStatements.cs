using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;
using Orders.Domain.Orders;
using Orders.Infrastructure.Outbox;
using Orders.Infrastructure.Persistence.Configurations;

namespace Orders.Infrastructure.Persistence;

/// <summary>
/// The two writes of every placement in one round trip each: a new order with all its lines, and an order's update
/// (its lines too when they changed) as one statement that only lands on the row version that was read. Through
/// SaveChanges the update was BEGIN, one UPDATE per row and COMMIT, two round trips, and preparing EF Core's batches
/// cost about a fifth of the WebApi's CPU per order (docs/adr/0005). Tables and columns come from the EF Core model,
/// whose migrations make the schema: building the statements fails when the model maps a column this class does not
/// know how to write.
/// </summary>
internal sealed class OrderStatements
{
    private static OrderStatements? s_latest;

    private readonly Column<OrderColumn>[] _orderColumns;
    private readonly Column<LineColumn>[] _lineColumns;

    private OrderStatements(IModel model)
    {
        Model = model;
        var orders = Mapped(model, typeof(Order));
        var lines = Mapped(model, typeof(OrderLine));
        _orderColumns = Columns(orders, OrderWriters);
        _lineColumns = Columns(lines.Where(column => column.Path != OrderLineConfiguration.OrderIdColumn), LineWriters);
        var orderKey = orders.Single(column => column.IsKey).Name;
        var rowVersion = orders.Single(column => column.Path == OrderConfiguration.RowVersion).Name;
        var lineOrderKey = lines.Single(column => column.Path == OrderLineConfiguration.OrderIdColumn).Name;
        var lineKeys = lines.Where(column => column.IsKey && column.Path != OrderLineConfiguration.OrderIdColumn).Select(column => column.Name).ToHashSet();
        var keyPosition = Array.FindIndex(_orderColumns, column => column.Name == orderKey) + 1;

        var ordersTable = Quote(orders[0].Table);
        var linesTable = Quote(lines[0].Table);
        var lineList = string.Join(", ", _lineColumns.Select(column => Quote(column.Name)));

        InsertOrder = $"""
            INSERT INTO {ordersTable} ({string.Join(", ", _orderColumns.Select(column => Quote(column.Name)))})
            VALUES ({string.Join(", ", _orderColumns.Select((_, i) => $"${i + 1}"))})
            RETURNING {Quote(rowVersion)}
            """;
        InsertLine = $"""
            INSERT INTO {linesTable} ({Quote(lineOrderKey)}, {lineList})
            VALUES ($1, {string.Join(", ", _lineColumns.Select((_, i) => $"${i + 2}"))})
            """;

        var versionPosition = _orderColumns.Length + 1;
        var updateOrder = $"""
            WITH updated AS (
                UPDATE {ordersTable}
                SET {string.Join(", ", _orderColumns.Select((column, i) => (column, i)).Where(c => c.column.Name != orderKey).Select(c => $"{Quote(c.column.Name)} = ${c.i + 1}"))}
                WHERE {Quote(orderKey)} = ${keyPosition} AND {Quote(rowVersion)} = ${versionPosition}
                RETURNING {Quote(rowVersion)})
            """;
        var returnVersion = $"SELECT {Quote(rowVersion)} FROM updated";
        Update = $"{updateOrder}\n{returnVersion}";
        var lineArraysAfterVersion = string.Join(", ", _lineColumns.Select((_, i) => $"${versionPosition + 1 + i}"));
        var updateLines = $"""
            lines AS (
                UPDATE {linesTable} AS stored
                SET {string.Join(", ", _lineColumns.Where(column => !lineKeys.Contains(column.Name)).Select(column => $"{Quote(column.Name)} = line.{Quote(column.Name)}"))}
                FROM unnest({lineArraysAfterVersion}) AS line({lineList})
                WHERE stored.{Quote(lineOrderKey)} = ${keyPosition}
                    AND {string.Join(" AND ", lineKeys.Select(key => $"stored.{Quote(key)} = line.{Quote(key)}"))}
                    AND EXISTS (SELECT FROM updated))
            """;
        UpdateWithLines = $"{updateOrder},\n{updateLines}\n{returnVersion}";

        var outbox = new OutboxStatement(model);
        UpdateRecording = $"{updateOrder},\n{outbox.Cte(versionPosition + 1)}\n{returnVersion}";
        UpdateWithLinesRecording = $"{updateOrder},\n{updateLines},\n{outbox.Cte(versionPosition + 1 + _lineColumns.Length)}\n{returnVersion}";
    }

    public IModel Model { get; }

    /// <summary>Inserts the order's row; returns its row version. Sent in one batch with an <see cref="InsertLine"/> per line.</summary>
    public string InsertOrder { get; }

    /// <summary>Inserts one line of the order.</summary>
    public string InsertLine { get; }

    /// <summary>Writes the order's row if its version is still the one read; returns the new version, or no row.</summary>
    public string Update { get; }

    /// <summary>As <see cref="Update"/>, and the lines with it (only if the order's row was written).</summary>
    public string UpdateWithLines { get; }

    /// <summary>As <see cref="Update"/>, and the order's event into the outbox (only if the order's row was written).</summary>
    public string UpdateRecording { get; }

    /// <summary>As <see cref="UpdateWithLines"/>, and the order's event into the outbox.</summary>
    public string UpdateWithLinesRecording { get; }

    public static OrderStatements For(IModel model)
    {
        var latest = Volatile.Read(ref s_latest);
        if (latest is null || !ReferenceEquals(latest.Model, model))
        {
            latest = new OrderStatements(model);
            Volatile.Write(ref s_latest, latest);
        }

        return latest;
    }

    /// <summary>
    /// The order's row and a statement per line in one batch without a transaction: PostgreSQL runs a batch as one
    /// implicit transaction, so every row is stored or none, without the round trip of a COMMIT.
    /// </summary>
    public NpgsqlBatch InsertBatch(NpgsqlConnection connection, Order order)
    {
        var batch = new NpgsqlBatch(connection);
        var insertOrder = new NpgsqlBatchCommand(InsertOrder);
        AddOrder(insertOrder.Parameters, order);
        batch.BatchCommands.Add(insertOrder);
        foreach (var line in order.Lines)
        {
            var insertLine = new NpgsqlBatchCommand(InsertLine);
            insertLine.Parameters.Add(new NpgsqlParameter { Value = order.Id.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
            foreach (var column in _lineColumns)
            {
                insertLine.Parameters.Add(column.Writer.Value(line));
            }

            batch.BatchCommands.Add(insertLine);
        }

        return batch;
    }

    /// <summary>The order's update, its lines with it when <paramref name="withLines"/>, and <paramref name="recorded"/> when there is one.</summary>
    public NpgsqlBatch UpdateBatch(NpgsqlConnection connection, Order order, uint readVersion, bool withLines, OutboxMessage? recorded)
    {
        var update = new NpgsqlBatchCommand((withLines, recorded is null) switch
        {
            (false, true) => Update,
            (true, true) => UpdateWithLines,
            (false, false) => UpdateRecording,
            (true, false) => UpdateWithLinesRecording,
        });
        AddOrder(update.Parameters, order);
        update.Parameters.Add(new NpgsqlParameter { Value = readVersion, NpgsqlDbType = NpgsqlDbType.Xid });
        if (withLines)
        {
            foreach (var column in _lineColumns)
            {
                update.Parameters.Add(column.Writer.Values(order.Lines));
            }
        }

        if (recorded is not null)
        {
            OutboxStatement.AddParameters(update.Parameters, recorded);
        }

        return new NpgsqlBatch(connection) { BatchCommands = { update } };
    }

    /// <summary>The values these statements would write of the order's row and of each of its lines, now.</summary>
    public RowImage ImageOf(Order order)
    {
        var row = new object?[_orderColumns.Length];
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = _orderColumns[i].Writer.Value(order);
        }

        var lines = new object?[order.Lines.Count * _lineColumns.Length];
        for (var i = 0; i < order.Lines.Count; i++)
        {
            for (var j = 0; j < _lineColumns.Length; j++)
            {
                lines[(i * _lineColumns.Length) + j] = _lineColumns[j].Writer.Raw(order.Lines[i]);
            }
        }

        return new RowImage(row, lines);
    }

    private void AddOrder(NpgsqlParameterCollection parameters, Order order)
    {
        foreach (var column in _orderColumns)
        {
            parameters.Add(new NpgsqlParameter { Value = column.Writer.Value(order) ?? DBNull.Value, NpgsqlDbType = column.Writer.Type });
        }
    }

    private static readonly Dictionary<string, OrderColumn> OrderWriters = new[]
    {
        new OrderColumn(nameof(Order.Id), NpgsqlDbType.Uuid, order => order.Id.Value),
        new OrderColumn(nameof(Order.UserId), NpgsqlDbType.Text, order => order.UserId.Value),
        new OrderColumn(nameof(Order.Status), NpgsqlDbType.Text, order => WireNameConverter<OrderStatus>.ToWire(order.Status)),
        new OrderColumn(nameof(Order.StatusReason), NpgsqlDbType.Text, order => order.StatusReason),
        new OrderColumn(nameof(Order.CreatedAt), NpgsqlDbType.TimestampTz, order => order.CreatedAt),
        new OrderColumn(nameof(Order.UpdatedAt), NpgsqlDbType.TimestampTz, order => order.UpdatedAt),
        new OrderColumn($"{nameof(Order.Total)}.Amount", NpgsqlDbType.Numeric, order => order.Total?.Amount),
        new OrderColumn($"{nameof(Order.Total)}.Currency", NpgsqlDbType.Text, order => order.Total?.Currency),
        new OrderColumn(nameof(Order.IdempotencyKey), NpgsqlDbType.Text, order => order.IdempotencyKey?.Value),
        new OrderColumn(nameof(Order.RequestFingerprint), NpgsqlDbType.Text, order => order.RequestFingerprint),
    }.ToDictionary(column => column.Path);

    private static readonly Dictionary<string, LineColumn> LineWriters = new[]
    {
        LineColumn.Of(nameof(OrderLine.ProductId), NpgsqlDbType.Text, line => line.ProductId.Value),
        LineColumn.Of(nameof(OrderLine.Quantity), NpgsqlDbType.Integer, line => line.Quantity),
        LineColumn.Of($"{nameof(OrderLine.UnitPrice)}.Amount", NpgsqlDbType.Numeric, line => line.UnitPrice?.Amount),
        LineColumn.Of($"{nameof(OrderLine.UnitPrice)}.Currency", NpgsqlDbType.Text, line => line.UnitPrice?.Currency),
    }.ToDictionary(column => column.Path);

    /// <summary>The columns of the model's table for <paramref name="clrType"/>, each with its property's path.</summary>
    private static List<MappedColumn> Mapped(IModel model, Type clrType)
    {
        var entityType = model.FindEntityType(clrType)
            ?? throw new InvalidOperationException($"The orders model does not map {clrType.Name}.");
        var key = entityType.FindPrimaryKey()!.Properties;
        var table = entityType.GetTableMappings().Single().Table;
        IEnumerable<ITypeBase> types = [entityType, .. entityType.GetComplexProperties().Select(complex => complex.ComplexType)];
        return [.. types
            .SelectMany(type => type.GetTableMappings().Single().ColumnMappings)
            .Select(column => new MappedColumn(
                table.Name,
                column.Column.Name,
                column.Property.DeclaringType is IComplexType complex ? $"{complex.ComplexProperty.Name}.{column.Property.Name}" : column.Property.Name,
                key.Contains(column.Property)))];
    }

    /// <summary>Each mapped column (but the row version) with its writer; refuses a column without one, or a writer without a column.</summary>
    private static Column<T>[] Columns<T>(IEnumerable<MappedColumn> mapped, Dictionary<string, T> writers)
    {
        var columns = mapped.Where(column => column.Path != OrderConfiguration.RowVersion).ToList();
        var table = columns[0].Table;
        var unknown = columns.Where(column => !writers.ContainsKey(column.Path)).Select(column => column.Path).ToList();
        var unmapped = writers.Keys.Except(columns.Select(column => column.Path)).ToList();
        if (unknown.Count > 0 || unmapped.Count > 0)
        {
            throw new InvalidOperationException(
                $"{nameof(OrderStatements)} is out of step with the model of {table}: no writer for [{string.Join(", ", unknown)}], " +
                $"writers for no column [{string.Join(", ", unmapped)}].");
        }

        return [.. columns.Select(column => new Column<T>(column.Name, writers[column.Path]))];
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private sealed record MappedColumn(string Table, string Name, string Path, bool IsKey);

    private readonly record struct Column<T>(string Name, T Writer);

    private sealed record OrderColumn(string Path, NpgsqlDbType Type, Func<Order, object?> Value);

    /// <summary>One column of a line: its value, one parameter, or one array parameter of every line to unnest into rows.</summary>
    private sealed record LineColumn(
        string Path,
        Func<OrderLine, object?> Raw,
        Func<OrderLine, NpgsqlParameter> Value,
        Func<IReadOnlyList<OrderLine>, NpgsqlParameter> Values)
    {
        public static LineColumn Of<T>(string path, NpgsqlDbType type, Func<OrderLine, T> value) =>
            new(
                path,
                line => value(line),
                line => new NpgsqlParameter<T> { TypedValue = value(line), NpgsqlDbType = type },
                lines =>
                {
                    var values = new T[lines.Count];
                    for (var i = 0; i < values.Length; i++)
                    {
                        values[i] = value(lines[i]);
                    }

                    return new NpgsqlParameter<T[]> { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | type };
                });
    }
}
