using System.Globalization;

namespace SlmPlatform.Console.Infrastructure;

/// <summary>The query string of a page of calls: its size, the previous page's cursor, and the UTC days it spans.</summary>
public static class CallQuery
{
    public static string Of(int limit, string? after, DateOnly? from, DateOnly? to)
    {
        var query = new List<string> { string.Create(CultureInfo.InvariantCulture, $"limit={limit}") };
        if (!string.IsNullOrEmpty(after))
        {
            query.Add($"after={Uri.EscapeDataString(after)}");
        }

        if (from is { } start)
        {
            query.Add(string.Create(CultureInfo.InvariantCulture, $"from={start:yyyy-MM-dd}"));
        }

        if (to is { } end)
        {
            query.Add(string.Create(CultureInfo.InvariantCulture, $"to={end:yyyy-MM-dd}"));
        }

        return string.Join('&', query);
    }
}
