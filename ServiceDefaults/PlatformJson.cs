using System.Text.Json;

namespace SlmPlatform.ServiceDefaults;

/// <summary>
/// The JSON every platform API speaks — snake_case, as the OpenAI and Ollama APIs it sits beside do — for the APIs'
/// own answers (set once in <c>AddServiceDefaults</c>) and for the clients of one service that read another's.
/// </summary>
public static class PlatformJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
