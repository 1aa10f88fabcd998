using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace SlmPlatform.Client;

/// <summary>
/// Writes a Microsoft.Extensions.AI exchange as the OpenAI chat-completions request and response objects that the
/// platform stores, whatever provider served it: the platform learns from one format.
/// </summary>
internal static class OpenAiChatFormat
{
    private static readonly JsonSerializerOptions Json = AIJsonUtilities.DefaultOptions;

    public static JsonObject Request(IReadOnlyList<ChatMessage> messages, ChatOptions? options, bool stream)
    {
        var request = new JsonObject();
        if (options?.ModelId is { } model)
        {
            request["model"] = model;
        }

        request["messages"] = new JsonArray([.. messages.SelectMany(Message)]);
        if (options is not null)
        {
            AddOptions(request, options);
        }

        if (stream)
        {
            request["stream"] = true;
        }

        return request;
    }

    public static JsonObject Response(ChatResponse response)
    {
        var assistant = response.Messages.LastOrDefault(m => m.Role == ChatRole.Assistant) ?? new ChatMessage(ChatRole.Assistant, string.Empty);
        var message = AssistantMessage(response.Messages.Where(m => m.Role == ChatRole.Assistant).SelectMany(m => m.Contents).ToList());
        var result = new JsonObject
        {
            ["id"] = response.ResponseId ?? assistant.MessageId,
            ["object"] = "chat.completion",
            ["created"] = (response.CreatedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds(),
            ["model"] = response.ModelId,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = message,
                ["finish_reason"] = FinishReason(response.FinishReason, message),
            }),
        };

        if (response.Usage is { } usage)
        {
            result["usage"] = new JsonObject
            {
                ["prompt_tokens"] = usage.InputTokenCount,
                ["completion_tokens"] = usage.OutputTokenCount,
                ["total_tokens"] = usage.TotalTokenCount ?? usage.InputTokenCount + usage.OutputTokenCount,
            };
        }

        return result;
    }

    private static IEnumerable<JsonObject> Message(ChatMessage message)
    {
        if (message.Role == ChatRole.Assistant)
        {
            yield return AssistantMessage(message.Contents);
            yield break;
        }

        // OpenAI carries each tool result as a message of its own.
        foreach (var result in message.Contents.OfType<FunctionResultContent>())
        {
            yield return new JsonObject
            {
                ["role"] = "tool",
                ["tool_call_id"] = result.CallId,
                ["content"] = result.Result as string ?? JsonSerializer.Serialize(result.Result, Json),
            };
        }

        var parts = message.Contents.Where(c => c is not FunctionResultContent).ToList();
        if (parts.Count > 0 || message.Contents.Count == 0)
        {
            var json = new JsonObject { ["role"] = message.Role.Value, ["content"] = Content(parts) };
            if (message.AuthorName is { } name)
            {
                json["name"] = name;
            }

            yield return json;
        }
    }

    private static JsonObject AssistantMessage(IList<AIContent> contents)
    {
        var message = new JsonObject { ["role"] = "assistant" };
        var text = string.Concat(contents.OfType<TextContent>().Select(t => t.Text));
        message["content"] = text.Length > 0 ? text : null;
        var calls = contents.OfType<FunctionCallContent>().ToList();
        if (calls.Count > 0)
        {
            message["tool_calls"] = new JsonArray([.. calls.Select(call => new JsonObject
            {
                ["id"] = call.CallId,
                ["type"] = "function",
                ["function"] = new JsonObject
                {
                    ["name"] = call.Name,
                    ["arguments"] = JsonSerializer.Serialize(call.Arguments ?? new Dictionary<string, object?>(), Json),
                },
            })]);
        }

        return message;
    }

    /// <summary>Plain text stays a string; anything richer becomes OpenAI's array of parts.</summary>
    private static JsonNode? Content(IList<AIContent> parts)
    {
        if (parts.All(p => p is TextContent))
        {
            return string.Concat(parts.OfType<TextContent>().Select(t => t.Text));
        }

        return new JsonArray([.. parts.Select(Part).OfType<JsonNode>()]);
    }

    private static JsonObject? Part(AIContent content) => content switch
    {
        TextContent text => new JsonObject { ["type"] = "text", ["text"] = text.Text },
        UriContent uri when uri.HasTopLevelMediaType("image") => new JsonObject { ["type"] = "image_url", ["image_url"] = new JsonObject { ["url"] = uri.Uri.ToString() } },
        DataContent data when data.HasTopLevelMediaType("image") => new JsonObject { ["type"] = "image_url", ["image_url"] = new JsonObject { ["url"] = data.Uri } },
        _ => null,
    };

    private static void AddOptions(JsonObject request, ChatOptions options)
    {
        Set(request, "temperature", options.Temperature);
        Set(request, "top_p", options.TopP);
        Set(request, "max_tokens", options.MaxOutputTokens);
        Set(request, "seed", options.Seed);
        if (options.StopSequences is { Count: > 0 } stop)
        {
            request["stop"] = new JsonArray([.. stop.Select(s => (JsonNode?)s)]);
        }

        var functions = options.Tools?.OfType<AIFunctionDeclaration>().ToList() ?? [];
        if (functions.Count > 0)
        {
            request["tools"] = new JsonArray([.. functions.Select(f => new JsonObject
            {
                ["type"] = "function",
                ["function"] = new JsonObject
                {
                    ["name"] = f.Name,
                    ["description"] = f.Description,
                    ["parameters"] = JsonNode.Parse(f.JsonSchema.GetRawText()),
                },
            })]);
        }

        if (options.ResponseFormat is ChatResponseFormatJson json)
        {
            request["response_format"] = json.Schema is { } schema
                ? new JsonObject
                {
                    ["type"] = "json_schema",
                    ["json_schema"] = new JsonObject { ["name"] = json.SchemaName ?? "response", ["schema"] = JsonNode.Parse(schema.GetRawText()) },
                }
                : new JsonObject { ["type"] = "json_object" };
        }
    }

    private static void Set<T>(JsonObject request, string name, T? value) where T : struct
    {
        if (value is { } set)
        {
            request[name] = JsonValue.Create(set);
        }
    }

    private static string FinishReason(ChatFinishReason? reason, JsonObject message) =>
        reason == ChatFinishReason.ToolCalls || (reason is null && message.ContainsKey("tool_calls")) ? "tool_calls"
        : reason == ChatFinishReason.Length ? "length"
        : reason == ChatFinishReason.ContentFilter ? "content_filter"
        : "stop";
}
