using System.Globalization;

namespace SlmPlatform.ServiceDefaults;

/// <summary>
/// The platform's keyset-paged lists, newest first: <c>limit</c> (1–200, default 50) sizes a page and <c>after</c> (a
/// page's <c>next</c>: the last item's creation time and id) gives the one after it, so pages hold while new items
/// arrive. What is wrong with either goes into the caller's validation errors under the parameter's name.
/// </summary>
public static class KeysetPaging
{
    public const int MaxPageSize = 200;
    private const int DefaultPageSize = 50;
    private const int MaxIdLength = 64;

    public static int Size(string? limit, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (limit is null)
        {
            return DefaultPageSize;
        }

        if (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size is < 1 or > MaxPageSize)
        {
            errors["limit"] = [$"Must be a whole number from 1 to {MaxPageSize}."];
        }

        return size;
    }

    /// <summary>The cursor in <paramref name="after"/>, read by <paramref name="parse"/> (which may demand more of its id).</summary>
    public static T? After<T>(string? after, Func<string, T?> parse, Dictionary<string, string[]> errors)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(errors);
        if (after is null)
        {
            return null;
        }

        var cursor = parse(after);
        if (cursor is null)
        {
            errors["after"] = ["Must be the 'next' value of a previous page."];
        }

        return cursor;
    }

    /// <summary>The 'next' of a page whose last item is this one. Opaque to callers.</summary>
    public static string Cursor(DateTimeOffset createdAt, string id) => string.Create(CultureInfo.InvariantCulture, $"{createdAt.UtcTicks}.{id}");

    public static (DateTimeOffset CreatedAt, string Id)? ParseCursor(string cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var parts = cursor.Split('.', 2);
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks
            && parts[1].Length is > 0 and <= MaxIdLength
            ? (new DateTimeOffset(ticks, TimeSpan.Zero), parts[1])
            : null;
    }

    /// <summary>A cursor whose id part must be a GUID (written without dashes).</summary>
    public static (DateTimeOffset CreatedAt, Guid Id)? ParseGuidCursor(string cursor) =>
        ParseCursor(cursor) is { } parsed && Guid.TryParseExact(parsed.Id, "N", out var id) ? (parsed.CreatedAt, id) : null;
}
