namespace SlmPlatform.Serving.Runtimes;

/// <summary>
/// Turns a label back into the teacher's kind of answer. Task discovery names the answer of a JSON object holding one
/// short string <c>key=value</c> (<c>intent=card_arrival</c> for <c>{"intent": "card_arrival"}</c>); other labels are
/// the teacher's short text itself.
/// </summary>
public static class AnswerRenderer
{
    public static string Render(string label)
    {
        var separator = label.IndexOf('=', StringComparison.Ordinal);
        if (separator <= 0 || label.AsSpan(0, separator).ContainsAny(" {}\"\n"))
        {
            return label;
        }

        var answer = new Dictionary<string, string> { [label[..separator]] = label[(separator + 1)..] };
        return JsonSerializer.Serialize(answer);
    }
}
