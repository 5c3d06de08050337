namespace Orders.Infrastructure.Persistence;

/// <summary>
/// An order's row and its lines' rows as <see cref="OrderStatements"/> writes them: taken when the order is read or
/// written, and again before an update, to tell whether the row or the lines changed in between.
/// </summary>
internal sealed class RowImage
{
    private readonly object?[] _row;
    private readonly object?[] _lines;

    public RowImage(object?[] row, object?[] lines)
    {
        _row = row;
        _lines = lines;
    }

    public bool RowDiffersFrom(RowImage earlier) => !Same(_row, earlier._row);

    public bool LinesDifferFrom(RowImage earlier) => !Same(_lines, earlier._lines);

    private static bool Same(ReadOnlySpan<object?> now, ReadOnlySpan<object?> then) => now.SequenceEqual(then, EqualityComparer<object?>.Default);
}
