namespace SlmPlatform.Ingest.Model;

/// <summary>Parses JSON bytes, turning a syntax error into a field error that gives the position but no content.</summary>
internal static class JsonBody
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 128 };

    public static JsonDocument? TryParse(ReadOnlyMemory<byte> json, FieldErrors errors, string field = "$")
    {
        try
        {
            return JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            // JsonException's message can quote the offending bytes; only the position is reported.
            errors.Add(field, $"Malformed JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
            return null;
        }
    }
}
