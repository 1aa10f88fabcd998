using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SlmPlatform.Scrubbing.UnitTests.Support;

internal static class JsonText
{
    // The default encoder writes "<" and "+" as \u003C and \u002B; a search for "+44 20..." in that output would
    // pass even if the number were still there.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Compact JSON that escapes only what JSON requires, so values appear as written.</summary>
    public static string Of(JsonNode? node) => node?.ToJsonString(Relaxed) ?? "null";
}
