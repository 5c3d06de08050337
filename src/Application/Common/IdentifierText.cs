using System.Globalization;

namespace Orders.Application.Common;

/// <summary>
/// What an identifier the API takes may contain: no control characters (PostgreSQL refuses NUL, logs break on the
/// rest), no lone surrogates (not text at all), and no format characters such as U+202E RIGHT-TO-LEFT OVERRIDE or
/// U+200B ZERO WIDTH SPACE, which make two different ids look the same to whoever reads them.
/// </summary>
public static class IdentifierText
{
    public const string Message = "'{PropertyName}' must not contain control characters, format characters (such as U+202E or U+200B) or lone surrogates.";

    public static bool IsClean(string? value)
    {
        if (value is null)
        {
            return true;
        }

        for (var index = 0; index < value.Length; index++)
        {
            var character = value[index];
            if (char.IsHighSurrogate(character) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(value, index) == UnicodeCategory.Format)
                {
                    return false;
                }

                index++;
                continue;
            }

            if (char.IsSurrogate(character) || CharUnicodeInfo.GetUnicodeCategory(character) is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                return false;
            }
        }

        return true;
    }

}
