namespace SlmPlatform.Evaluation;

/// <summary>Answers that should be JSON: whether they parse, and whether two mean the same.</summary>
public static class JsonAnswers
{
    public static JsonElement? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(StripFence(text));
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Same value: objects with the same keys (in any order) and equivalent values, arrays element by element, numbers
    /// by value (2 and 2.0 agree), strings exactly.
    /// </summary>
    public static bool Equivalent(JsonElement a, JsonElement b)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return false;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var left = a.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                var right = b.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                return left.Count == right.Count && left.All(p => right.TryGetValue(p.Key, out var other) && Equivalent(p.Value, other));
            case JsonValueKind.Array:
                return a.GetArrayLength() == b.GetArrayLength() && a.EnumerateArray().Zip(b.EnumerateArray()).All(p => Equivalent(p.First, p.Second));
            case JsonValueKind.Number:
                return a.GetDecimal() == b.GetDecimal();
            case JsonValueKind.String:
                return a.GetString() == b.GetString();
            default:
                return true;
        }
    }

    /// <summary>
    /// The same shape: the same keys at every level with values of the same JSON kind — what a JSON schema taken from
    /// the teacher's answers would accept, whatever the values.
    /// </summary>
    public static bool SameShape(JsonElement candidate, JsonElement teacher)
    {
        if (candidate.ValueKind != teacher.ValueKind && !(IsBoolean(candidate) && IsBoolean(teacher)))
        {
            return false;
        }

        return teacher.ValueKind switch
        {
            JsonValueKind.Object => candidate.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)
                    .SequenceEqual(teacher.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal))
                && teacher.EnumerateObject().All(p => SameShape(candidate.GetProperty(p.Name), p.Value)),
            JsonValueKind.Array => teacher.GetArrayLength() == 0 || candidate.EnumerateArray().All(e => SameShape(e, teacher[0])),
            _ => true,
        };
    }

    private static bool IsBoolean(JsonElement e) => e.ValueKind is JsonValueKind.True or JsonValueKind.False;

    // Models often wrap JSON in a Markdown fence; the answer is still the JSON inside.
    private static string StripFence(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            return trimmed;
        }

        var firstLine = trimmed.IndexOf('\n', StringComparison.Ordinal);
        var end = trimmed.LastIndexOf("```", StringComparison.Ordinal);
        return firstLine > 0 && end > firstLine ? trimmed[(firstLine + 1)..end].Trim() : trimmed;
    }
}
