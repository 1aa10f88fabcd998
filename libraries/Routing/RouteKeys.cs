using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SlmPlatform.Routing;

/// <summary>
/// The keys a call is routed by, computable from the request alone: its workload tag where it has one; otherwise an
/// HMAC of its agent and raw system prompt. The HMAC (key <c>Routing:PromptKey</c>, shared by the scrubber and the
/// gateway) makes the key useless for guessing a prompt, so it may be stored and logged although the prompt may hold
/// personal data.
/// </summary>
public static class RouteKeys
{
    public const string ConfigurationKey = "Routing:PromptKey";

    public static string ForWorkload(string agent, string workload) => $"w:{agent}\u001f{workload}";

    public static string ForPrompt(string promptKey) => $"p:{promptKey}";

    /// <summary>The prompt key of a call: 32 hex characters of HMAC-SHA256 over agent and system prompt.</summary>
    public static string PromptKey(byte[] secret, string agent, string systemPrompt)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var mac = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"{agent}\u001f{systemPrompt}"));
        return Convert.ToHexStringLower(mac)[..32];
    }

    /// <summary>
    /// The request's system prompt as task discovery reads it: the text of its system and developer messages, joined
    /// by newlines (content as a string or as text parts); null when it has none.
    /// </summary>
    public static string? SystemPrompt(JsonElement request)
    {
        if (request.ValueKind != JsonValueKind.Object || !request.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var parts = messages.EnumerateArray()
            .Where(m => m.ValueKind == JsonValueKind.Object && m.TryGetProperty("role", out var role) && role.GetString() is "system" or "developer")
            .Select(m => m.TryGetProperty("content", out var content) ? Text(content) : string.Empty)
            .ToList();
        return parts.Count == 0 ? null : string.Join('\n', parts);
    }

    private static string Text(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString()!,
        JsonValueKind.Array => string.Concat(content.EnumerateArray()
            .Where(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
            .Select(p => p.GetProperty("text").GetString())),
        _ => string.Empty,
    };

    /// <summary>The secret from configuration, or null when routing by prompt is not configured.</summary>
    public static byte[]? Secret(string? configured) =>
        string.IsNullOrEmpty(configured) || configured.Length < 24 ? null : Encoding.UTF8.GetBytes(configured);
}
