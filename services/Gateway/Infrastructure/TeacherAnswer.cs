namespace SlmPlatform.Gateway.Infrastructure;

/// <summary>
/// What the teacher answered a relayed call, as captured: the body, or for a stream its events' payloads as one JSON
/// array. Shadow routing compares the assistant message in it with the specialist's.
/// </summary>
public sealed record TeacherAnswer(ReadOnlyMemory<byte> Body, bool Succeeded, bool IsEventStream)
{
    /// <summary>The first choice's assistant message, or null when the call failed or the answer is not a completion.</summary>
    public JsonElement? Message()
    {
        if (!Succeeded)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Body);
            if (!IsEventStream)
            {
                return document.RootElement.GetProperty("choices")[0].GetProperty("message").Clone();
            }

            using var assembled = JsonDocument.Parse(StreamAssembler.Assemble(document.RootElement.EnumerateArray()));
            return assembled.RootElement.GetProperty("choices")[0].GetProperty("message").Clone();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
