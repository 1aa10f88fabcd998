using System.Globalization;

namespace SlmPlatform.Training.Apis;

/// <summary>
/// The query parameters of the keyset-paged lists: <c>limit</c> (1–200, default 50) and <c>after</c> (a page's
/// <c>next</c>); what is wrong with them goes into the caller's validation errors under the parameter's name.
/// </summary>
internal static class Paging
{
    public const int MaxPageSize = 200;
    private const int DefaultPageSize = 50;

    public static int Size(string? limit, Dictionary<string, string[]> errors)
    {
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

    public static T? After<T>(string? after, Func<string, T?> parse, Dictionary<string, string[]> errors)
        where T : struct
    {
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
}
