namespace SlmPlatform.Ingest.Model;

/// <summary>One record of a batch: its position (0-based, counting records only) and what parsing made of it.</summary>
public sealed record BatchItem(int Index, CallParseResult Result);

/// <summary>
/// A batch of call records, read from a JSON array or from NDJSON (one record a line). Each record is judged on its
/// own, so one bad record does not sink the rest. Holds the parsed documents until disposed, because the records
/// point into them.
/// </summary>
public sealed class CallBatch : IDisposable
{
    private readonly List<JsonDocument> _documents = [];

    private CallBatch()
    {
    }

    public List<BatchItem> Items { get; } = [];

    /// <summary>A fault of the whole batch (malformed array, too many records); when set, no item is usable.</summary>
    public FieldErrors? Error { get; private set; }

    public bool TooManyItems { get; private set; }

    public static CallBatch Parse(Memory<byte> body, bool isNdjson, int maxItems, DateTimeOffset receivedAt)
    {
        var batch = new CallBatch();
        if (isNdjson)
        {
            batch.ReadLines(body, maxItems, receivedAt);
        }
        else
        {
            batch.ReadArray(body, maxItems, receivedAt);
        }

        if (batch.Error is null && batch.Items.Count == 0)
        {
            batch.Fail("$", "The batch holds no call records.");
        }

        return batch;
    }

    private void ReadArray(Memory<byte> body, int maxItems, DateTimeOffset receivedAt)
    {
        var errors = new FieldErrors();
        var document = JsonBody.TryParse(body, errors);
        if (document is null)
        {
            Error = errors;
            return;
        }

        _documents.Add(document);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            Fail("$", "A JSON batch must be an array of call records (or send NDJSON with Content-Type application/x-ndjson).");
            return;
        }

        if (document.RootElement.GetArrayLength() > maxItems)
        {
            TooManyItems = true;
            Fail("$", $"A batch holds at most {maxItems} call records.");
            return;
        }

        var index = 0;
        foreach (var element in document.RootElement.EnumerateArray())
        {
            Items.Add(new BatchItem(index++, CallRecordParser.Parse(element, receivedAt)));
        }
    }

    private void ReadLines(Memory<byte> body, int maxItems, DateTimeOffset receivedAt)
    {
        var index = 0;
        var rest = body;
        while (!rest.IsEmpty)
        {
            var end = rest.Span.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? Memory<byte>.Empty : rest[(end + 1)..];
            if (IsBlank(line.Span))
            {
                continue;
            }

            if (index == maxItems)
            {
                TooManyItems = true;
                Items.Clear();
                Fail("$", $"A batch holds at most {maxItems} call records.");
                return;
            }

            var errors = new FieldErrors();
            var document = JsonBody.TryParse(line, errors);
            if (document is null)
            {
                Items.Add(new BatchItem(index++, CallParseResult.Invalid(errors)));
                continue;
            }

            _documents.Add(document);
            Items.Add(new BatchItem(index++, CallRecordParser.Parse(document.RootElement, receivedAt)));
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t\r"u8).IsEmpty;

    private void Fail(string field, string message)
    {
        Error = new FieldErrors();
        Error.Add(field, message);
    }

    public void Dispose()
    {
        foreach (var document in _documents)
        {
            document.Dispose();
        }

        _documents.Clear();
    }
}
