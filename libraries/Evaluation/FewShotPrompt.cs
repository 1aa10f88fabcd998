namespace SlmPlatform.Evaluation;

/// <summary>
/// In-context examples for a base model, as NVIDIA's Data Flywheel scores its ICL baseline: k solved examples from
/// the training split, each as the request's turns followed by the teacher's answer, placed after the system prompt
/// and before the question asked.
/// </summary>
public static class FewShotPrompt
{
    /// <summary>
    /// Up to <paramref name="shots"/> examples, the same for every question: classes in ordinal order, taken in turn
    /// (one of each class before a second of any), each class's examples ordered by <paramref name="idOf"/> — so the
    /// choice depends on the split's content, never on the order it was read in.
    /// </summary>
    public static IReadOnlyList<T> Choose<T>(IEnumerable<T> train, Func<T, string> classOf, Func<T, string> idOf, int shots)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(classOf);
        ArgumentNullException.ThrowIfNull(idOf);
        var classes = train.GroupBy(classOf, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Queue<T>(g.OrderBy(idOf, StringComparer.Ordinal)))
            .ToList();
        var chosen = new List<T>();
        while (chosen.Count < shots && classes.Any(c => c.Count > 0))
        {
            foreach (var queue in classes.Where(c => c.Count > 0))
            {
                if (chosen.Count == shots)
                {
                    break;
                }

                chosen.Add(queue.Dequeue());
            }
        }

        return chosen;
    }

    /// <summary>
    /// The request's messages with the examples inserted after its leading system (or developer) messages. Each
    /// example contributes its own non-system turns and then the teacher's answer; an answer that calls tools is
    /// followed by a placeholder tool result per call, as chat APIs require a result after every call.
    /// </summary>
    public static JsonElement Build(JsonElement messages, IEnumerable<(JsonElement Messages, JsonElement Answer)> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var request = messages.ValueKind == JsonValueKind.Array ? messages.EnumerateArray().ToList() : [];
        var leading = request.TakeWhile(IsSystem).ToList();
        var turns = new List<JsonElement>(leading);
        foreach (var (shotMessages, answer) in examples)
        {
            if (shotMessages.ValueKind == JsonValueKind.Array)
            {
                turns.AddRange(shotMessages.EnumerateArray().Where(m => !IsSystem(m)));
            }

            turns.Add(answer);
            turns.AddRange(ToolResults(answer));
        }

        turns.AddRange(request.Skip(leading.Count));
        return JsonSerializer.SerializeToElement(turns);
    }

    private static bool IsSystem(JsonElement message) =>
        message.ValueKind == JsonValueKind.Object && message.TryGetProperty("role", out var role) && role.GetString() is "system" or "developer";

    private static IEnumerable<JsonElement> ToolResults(JsonElement answer)
    {
        if (answer.ValueKind != JsonValueKind.Object || !answer.TryGetProperty("tool_calls", out var calls) || calls.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var call in calls.EnumerateArray())
        {
            var id = call.TryGetProperty("id", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            yield return JsonSerializer.SerializeToElement(new Dictionary<string, string?>
            {
                ["role"] = "tool", ["tool_call_id"] = id, ["content"] = "(example: result not shown)",
            });
        }
    }
}
