using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SlmPlatform.Contracts.Http;

namespace SlmPlatform.ServiceDefaults;

/// <summary>
/// The JSON every platform API speaks — snake_case, as the OpenAI and Ollama APIs it sits beside do — for the APIs'
/// own answers (set once in <c>AddServiceDefaults</c>) and for the clients of one service that read another's. The
/// shapes that cross a boundary are read and written by generated code (<see cref="HttpContractsJsonContext"/>); a
/// service's own shapes fall back to reflection.
/// </summary>
public static class PlatformJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Gives <paramref name="options"/> the platform's naming and the generated code first.</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.TypeInfoResolverChain.Insert(0, HttpContractsJsonContext.Default);
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        Apply(options);
        options.MakeReadOnly();
        return options;
    }
}
