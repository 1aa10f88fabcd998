namespace SlmPlatform.Gateway.Model;

/// <summary>Which agent made a call, and from which call site: headers first, then the request's <c>metadata</c>.</summary>
public sealed record CallSite(string Agent, string? Workload)
{
    public const string AgentHeader = "X-Slm-Agent";
    public const string WorkloadHeader = "X-Slm-Workload";
    public const string DefaultAgent = "default";
    private const int MaxLength = 200;

    public static CallSite From(IHeaderDictionary headers, JsonElement request)
    {
        var metadata = request.ValueKind == JsonValueKind.Object && request.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object
            ? m
            : default;
        var agent = Clean(headers[AgentHeader]) ?? Clean(Read(metadata, "agent")) ?? DefaultAgent;
        var workload = Clean(headers[WorkloadHeader]) ?? Clean(Read(metadata, "workload"));
        return new CallSite(agent, workload);
    }

    private static string? Read(JsonElement metadata, string name) =>
        metadata.ValueKind == JsonValueKind.Object && metadata.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string? Clean(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength || trimmed.Any(char.IsControl) ? null : trimmed;
    }
}
