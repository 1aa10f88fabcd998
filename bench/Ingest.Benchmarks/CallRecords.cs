using System.Buffers;
using System.Text.Json;

namespace SlmPlatform.Ingest.Benchmarks;

/// <summary>
/// Bodies for the load: one realistic ~2 KB call record (an OpenAI chat-completions request with a system prompt and
/// tools, and its tool-call response) in the platform's format, stamped with a unique id each time, alone or as a
/// JSON array. Bodies are spliced from a template, so making them costs the load generator little.
/// </summary>
internal static class CallRecords
{
    private const string IdPlaceholder = "ID_PLACEHOLDER";
    private const int IdLength = 37; // "call-" and a 32-digit GUID

    private const string Template = """
        {
          "id": "ID_PLACEHOLDER",
          "agent": "support-router",
          "workload": "route-intent",
          "started_at": "2026-11-28T10:15:00.123Z",
          "latency_ms": 842,
          "status": "success",
          "request": {
            "model": "gpt-4o-2024-08-06",
            "temperature": 0.2,
            "max_tokens": 512,
            "messages": [
              {
                "role": "system",
                "content": "You are the routing assistant of Parcelly customer support. Decide which tool answers the customer: track_parcel for delivery status, open_claim for damaged or missing items, change_address for redirections before dispatch, or handoff_to_agent when a person is needed. Ask for the tracking number when none is given. Never promise a delivery date that the carrier has not confirmed, and never repeat payment details back to the customer."
              },
              {
                "role": "user",
                "content": "Hi, my parcel was supposed to arrive yesterday but the tracking page still says 'in transit'. The tracking number is PX-4471-2290-UK. Can you tell me where it is, and can I pick it up from the depot instead?"
              }
            ],
            "tools": [
              {
                "type": "function",
                "function": {
                  "name": "track_parcel",
                  "description": "Look up the latest carrier scans of a parcel.",
                  "parameters": {
                    "type": "object",
                    "properties": {
                      "tracking_number": { "type": "string" },
                      "include_history": { "type": "boolean" }
                    },
                    "required": ["tracking_number"]
                  }
                }
              },
              {
                "type": "function",
                "function": {
                  "name": "open_claim",
                  "description": "Open a claim for a damaged or missing parcel.",
                  "parameters": {
                    "type": "object",
                    "properties": {
                      "tracking_number": { "type": "string" },
                      "reason": { "type": "string", "enum": ["damaged", "missing", "late"] }
                    },
                    "required": ["tracking_number", "reason"]
                  }
                }
              }
            ],
            "tool_choice": "auto"
          },
          "response": {
            "id": "chatcmpl-AXr8mQ2b7TfL0kZp4VnC1sYhE9uJd",
            "object": "chat.completion",
            "created": 1795860900,
            "model": "gpt-4o-2024-08-06",
            "choices": [
              {
                "index": 0,
                "message": {
                  "role": "assistant",
                  "content": null,
                  "tool_calls": [
                    {
                      "id": "call_8fJ2kQw1ZrT5mN0aLx3VbC7d",
                      "type": "function",
                      "function": {
                        "name": "track_parcel",
                        "arguments": "{\"tracking_number\":\"PX-4471-2290-UK\",\"include_history\":true}"
                      }
                    }
                  ]
                },
                "finish_reason": "tool_calls"
              }
            ],
            "usage": { "prompt_tokens": 412, "completion_tokens": 31, "total_tokens": 443 },
            "system_fingerprint": "fp_5f20662549"
          }
        }
        """;

    private static readonly (byte[] Prefix, byte[] Suffix) Parts = Split();

    private static byte[] Prefix => Parts.Prefix;

    private static byte[] Suffix => Parts.Suffix;

    // Compact, as an agent's HTTP client would send it, and cut around the id.
    private static (byte[] Prefix, byte[] Suffix) Split()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var document = JsonDocument.Parse(Template))
        using (var writer = new Utf8JsonWriter(buffer))
        {
            document.WriteTo(writer);
        }

        var compact = buffer.WrittenSpan;
        var at = compact.IndexOf(Encoding.UTF8.GetBytes(IdPlaceholder));
        return (compact[..at].ToArray(), compact[(at + IdPlaceholder.Length)..].ToArray());
    }

    /// <summary>Bytes of one record.</summary>
    public static int RecordBytes => Prefix.Length + IdLength + Suffix.Length;

    /// <summary>One record with an id of its own.</summary>
    public static byte[] One()
    {
        var body = new byte[RecordBytes];
        Write(body);
        return body;
    }

    /// <summary>A JSON array of <paramref name="count"/> records, each with an id of its own.</summary>
    public static byte[] Array(int count)
    {
        var body = new byte[2 + (count * RecordBytes) + (count - 1)];
        body[0] = (byte)'[';
        var at = 1;
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                body[at++] = (byte)',';
            }

            at += Write(body.AsSpan(at));
        }

        body[at] = (byte)']';
        return body;
    }

    private static int Write(Span<byte> destination)
    {
        Prefix.CopyTo(destination);
        var at = Prefix.Length;
        "call-"u8.CopyTo(destination[at..]);
        Guid.NewGuid().TryFormat(destination[(at + 5)..], out var written, "N");
        at += 5 + written;
        Suffix.CopyTo(destination[at..]);
        return at + Suffix.Length;
    }
}
