namespace SlmPlatform.Specialists.Datasets;

/// <summary>
/// One scrubbed call of a task as a dataset reads it: the request's messages and tools, the teacher's response,
/// the call's status and the label-like answer task discovery found (null where the answer is not label-like).
/// </summary>
public sealed record SourceCall(string CallId, JsonElement Messages, JsonElement? Tools, JsonElement Response, string Status, string? OutputLabel)
{
    /// <summary>A stored call: the messages and tools of its chat request (the agent's own payload), and the rest as stored.</summary>
    public static SourceCall Of(string callId, JsonElement request, JsonElement response, string status, string? outputLabel) => new(
        callId,
        request.ValueKind == JsonValueKind.Object && request.TryGetProperty("messages", out var messages) ? messages.Clone() : default,
        request.ValueKind == JsonValueKind.Object && request.TryGetProperty("tools", out var tools) ? tools.Clone() : null,
        response.Clone(),
        status,
        outputLabel);
}

/// <summary>Where a task's scrubbed calls come from (the tasks and calls services over HTTP, or test data).</summary>
public interface ITaskCallSource
{
    /// <summary>The task's output kind (<c>json</c>, <c>tool_call</c>, <c>text</c>), or null when the tenant has no such task.</summary>
    Task<string?> OutputKindAsync(string tenantId, Guid taskId, CancellationToken cancellationToken);

    /// <summary>The task's calls in a stable order (the order task discovery recorded them).</summary>
    IAsyncEnumerable<SourceCall> ReadAsync(string tenantId, Guid taskId, CancellationToken cancellationToken);
}
