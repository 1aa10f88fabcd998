using System.Security.Cryptography;

namespace SlmPlatform.Ingest.Model;

/// <summary>
/// Reads one call record in the platform's format or NVIDIA Data Flywheel's, and checks what the rest of the platform
/// relies on: an agent, an OpenAI chat-completions request with messages, and a response object. Error messages name
/// fields and never quote values, which may be personal data.
/// </summary>
public static class CallRecordParser
{
    public const string DefaultStatus = "success";

    public static CallParseResult Parse(JsonElement element, DateTimeOffset receivedAt)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return CallParseResult.Invalid("$", "A call record must be a JSON object.");
        }

        var isFlywheel = !element.Has("agent") && (element.Has("client_id") || element.Has("workload_id"));
        var errors = new FieldErrors();

        var id = element.OptionalString("id", errors);
        var agent = element.RequiredString(isFlywheel ? "client_id" : "agent", errors);
        var workload = element.OptionalString(isFlywheel ? "workload_id" : "workload", errors);
        var startedAt = element.OptionalTimestamp(isFlywheel ? "timestamp" : "started_at", errors);
        var latency = element.OptionalNonNegativeNumber("latency_ms", errors);
        var status = element.OptionalString("status", errors) ?? DefaultStatus;
        var request = ValidateRequest(element, errors);
        var response = ValidateResponse(element, errors);

        if (errors.Any)
        {
            return CallParseResult.Invalid(errors);
        }

        return CallParseResult.Valid(new CallRecord(
            id ?? ContentId(element),
            agent!,
            workload,
            startedAt ?? receivedAt,
            latency,
            status,
            isFlywheel ? CallRecordFormat.DataFlywheel : CallRecordFormat.Platform,
            request,
            response));
    }

    /// <summary>
    /// A record sent without an id gets one derived from its content, so a client that retries the same record
    /// still lands it once.
    /// </summary>
    private static string ContentId(JsonElement element) =>
        "c_" + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(element.GetRawText())))[..32];

    private static JsonElement ValidateRequest(JsonElement record, FieldErrors errors)
    {
        if (!record.TryGetProperty("request", out var request) || request.ValueKind == JsonValueKind.Null)
        {
            errors.Add("request", "Is required: the OpenAI chat-completions request object.");
            return default;
        }

        if (request.ValueKind != JsonValueKind.Object)
        {
            errors.Add("request", "Must be a JSON object.");
            return default;
        }

        if (!request.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            errors.Add("request.messages", "Is required and must be an array.");
            return request;
        }

        if (messages.GetArrayLength() == 0)
        {
            errors.Add("request.messages", "Must hold at least one message.");
        }

        var index = 0;
        foreach (var message in messages.EnumerateArray())
        {
            var field = $"request.messages[{index++}]";
            if (message.ValueKind != JsonValueKind.Object)
            {
                errors.Add(field, "Must be a JSON object.");
            }
            else if (!message.TryGetProperty("role", out var role) || role.ValueKind != JsonValueKind.String)
            {
                errors.Add(field + ".role", "Is required and must be a string.");
            }
        }

        return request;
    }

    private static JsonElement ValidateResponse(JsonElement record, FieldErrors errors)
    {
        if (!record.TryGetProperty("response", out var response) || response.ValueKind == JsonValueKind.Null)
        {
            errors.Add("response", "Is required: the OpenAI chat-completions response object.");
            return default;
        }

        if (response.ValueKind != JsonValueKind.Object)
        {
            errors.Add("response", "Must be a JSON object.");
        }

        return response;
    }
}
