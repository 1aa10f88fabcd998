using System.Text;

namespace SlmPlatform.Evaluation;

/// <summary>
/// Tool calls compared as BFCL's AST checker does: the function names, then every argument — strings after
/// standardising (case, spaces and punctuation do not count), numbers by value (an integer matches the same float),
/// lists element by element, objects key by key. An argument the teacher did not give counts against the candidate.
/// Several calls match as a multiset, so parallel calls may come in any order.
/// </summary>
public static class ToolCallMatcher
{
    public static bool NamesMatch(IReadOnlyList<ToolCall> candidate, IReadOnlyList<ToolCall> teacher) =>
        candidate.Count == teacher.Count
        && candidate.Select(c => c.Name).Order(StringComparer.Ordinal).SequenceEqual(teacher.Select(t => t.Name).Order(StringComparer.Ordinal));

    public static bool CallsMatch(IReadOnlyList<ToolCall> candidate, IReadOnlyList<ToolCall> teacher)
    {
        if (!NamesMatch(candidate, teacher))
        {
            return false;
        }

        var unmatched = teacher.ToList();
        foreach (var call in candidate)
        {
            var match = unmatched.FindIndex(t => t.Name == call.Name && ValuesMatch(call.Arguments, t.Arguments));
            if (match < 0)
            {
                return false;
            }

            unmatched.RemoveAt(match);
        }

        return true;
    }

    public static bool ValuesMatch(JsonElement candidate, JsonElement teacher) => (candidate.ValueKind, teacher.ValueKind) switch
    {
        (JsonValueKind.Number, JsonValueKind.Number) => candidate.GetDecimal() == teacher.GetDecimal(),
        (JsonValueKind.String, JsonValueKind.String) => Standardise(candidate.GetString()!) == Standardise(teacher.GetString()!),
        (JsonValueKind.Array, JsonValueKind.Array) => candidate.GetArrayLength() == teacher.GetArrayLength()
            && candidate.EnumerateArray().Zip(teacher.EnumerateArray()).All(p => ValuesMatch(p.First, p.Second)),
        (JsonValueKind.Object, JsonValueKind.Object) => ObjectsMatch(candidate, teacher),
        var (c, t) => c == t,
    };

    private static bool ObjectsMatch(JsonElement candidate, JsonElement teacher)
    {
        var given = candidate.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        var expected = teacher.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        return given.Count == expected.Count && expected.All(p => given.TryGetValue(p.Key, out var value) && ValuesMatch(value, p.Value));
    }

    // BFCL's standardize_string: lower case, without spaces and the punctuation ,./-_*^
    private static string Standardise(string value)
    {
        var result = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c) && c is not (',' or '.' or '/' or '-' or '_' or '*' or '^'))
            {
                result.Append(char.ToLowerInvariant(c));
            }
        }

        return result.ToString();
    }
}
