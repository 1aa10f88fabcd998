using System.Buffers.Text;
using System.Text.Json;

namespace SlmPlatform.Contracts;

/// <summary>
/// What a captured call's request and response may hold, so that every edge (gateway, ingest, OTLP) refuses or maps
/// the same things and nothing it accepts can later fail on the bus or in PostgreSQL.
/// </summary>
public static class CallPayload
{
    /// <summary>
    /// The deepest nesting an edge accepts, counted from the outermost JSON value it receives. The bus's serializer
    /// allows 64 (System.Text.Json's default); a call record, a batch around it and the message envelope add fewer
    /// than 16 levels, so an accepted payload always fits.
    /// </summary>
    public const int MaxDepth = 48;

    /// <summary>Parser options for a body an edge receives.</summary>
    public static JsonDocumentOptions DocumentOptions { get; } = new() { MaxDepth = MaxDepth };

    /// <summary>
    /// True when JSON that failed to parse under <see cref="DocumentOptions"/> is well formed and only nested too
    /// deeply, so that the edge can say so instead of calling it malformed. Runs on the error path only.
    /// </summary>
    public static bool IsTooDeep(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var _ = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = int.MaxValue / 2 });
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// Replaces, in place, the escapes that JSON allows but PostgreSQL's <c>jsonb</c> and .NET strings do not hold:
    /// <c>\u0000</c> and a UTF-16 surrogate escape without its partner each become <c>\uFFFD</c> (the replacement
    /// character), which has the same length, so the JSON stays valid and no offset moves. Returns how many were
    /// replaced. Meant for well-formed JSON, which has no backslashes outside strings; other text is left valid UTF-8.
    /// </summary>
    public static int ReplaceUnstorableEscapes(Span<byte> json)
    {
        var replaced = 0;
        var start = 0;
        while (start < json.Length && json[start..].IndexOf((byte)'\\') is var found and >= 0)
        {
            var at = start + found;
            if (at + 1 >= json.Length || json[at + 1] != (byte)'u')
            {
                // Any other escape is two bytes long, "\\" included, which must not be read as the start of a \u.
                start = at + 2;
                continue;
            }

            var unit = ReadUnit(json, at);
            var length = 6;
            if (unit == 0 || IsLowSurrogate(unit))
            {
                WriteReplacement(json, at);
                replaced++;
            }
            else if (IsHighSurrogate(unit))
            {
                if (ReadUnit(json, at + 6) is { } next && IsLowSurrogate(next))
                {
                    length = 12;
                }
                else
                {
                    WriteReplacement(json, at);
                    replaced++;
                }
            }

            start = at + length;
        }

        return replaced;
    }

    private static int? ReadUnit(ReadOnlySpan<byte> json, int at) =>
        at + 6 <= json.Length && json[at] == (byte)'\\' && json[at + 1] == (byte)'u'
        && Utf8Parser.TryParse(json.Slice(at + 2, 4), out ushort unit, out var consumed, 'x') && consumed == 4
            ? unit
            : null;

    private static bool IsHighSurrogate(int? unit) => unit is >= 0xD800 and <= 0xDBFF;

    private static bool IsLowSurrogate(int? unit) => unit is >= 0xDC00 and <= 0xDFFF;

    private static void WriteReplacement(Span<byte> json, int at) => "\\uFFFD"u8.CopyTo(json.Slice(at, 6));
}
