namespace SlmPlatform.Ingest.Model;

/// <summary>
/// Parses JSON bytes under the platform's payload rules (<see cref="CallPayload"/>): escapes that PostgreSQL cannot
/// store are mapped first, and a syntax error becomes a field error that gives the position or the depth limit but no
/// content.
/// </summary>
internal static class JsonBody
{
    /// <summary>Parses <paramref name="json"/>, which it may change in place and which the document then refers to.</summary>
    public static JsonDocument? TryParse(Memory<byte> json, FieldErrors errors, string field = "$")
    {
        CallPayload.ReplaceUnstorableEscapes(json.Span);
        try
        {
            return JsonDocument.Parse(json, CallPayload.DocumentOptions);
        }
        catch (JsonException e)
        {
            // JsonException's message can quote the offending bytes; only the position is reported.
            errors.Add(field, CallPayload.IsTooDeep(json)
                ? $"Is nested deeper than {CallPayload.MaxDepth} levels."
                : $"Malformed JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
            return null;
        }
    }
}
