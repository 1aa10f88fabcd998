using System.Text;
using System.Text.RegularExpressions;

namespace SlmPlatform.TaskDiscovery.Model;

/// <summary>
/// Names a person can read for the tasks the platform finds, <c>agent/phrase</c>: the workload tag where the agent gives
/// one; otherwise the instruction its system prompt opens with ("You sort incoming invoices by supplier…" →
/// <c>sort-incoming-invoices-supplier</c>); without an instruction, the kind of output, later followed by the words of
/// its largest topics (<c>tool-calls-weather-flights-stocks</c>). People can rename a task; what they chose is kept.
/// </summary>
public static partial class TaskNames
{
    private const int MaxInstructionWords = 4;
    private const int MaxTopicWords = 3;
    private const int MaxWordLength = 24;

    // English function words, and words that say who the model is or how to be polite rather than what the call site does.
    private static readonly HashSet<string> NotTheTask = new(StringComparer.Ordinal)
    {
        "a", "about", "act", "ai", "all", "also", "always", "am", "an", "and", "any", "are", "as", "assistant", "at",
        "be", "been", "being", "below", "but", "by", "can", "could", "did", "do", "does", "each", "every", "expert",
        "following", "for", "from", "given", "had", "has", "have", "helpful", "here", "how", "i", "if", "in", "into",
        "is", "it", "its", "job", "just", "language", "large", "like", "llm", "may", "might", "model", "more", "most",
        "must", "my", "no", "not", "of", "on", "once", "only", "or", "our", "please", "role", "shall", "should", "so",
        "some", "such", "task", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
        "those", "to", "too", "useful", "very", "was", "we", "were", "what", "when", "where", "whether", "which",
        "while", "who", "whom", "why", "will", "with", "would", "you", "your", "youre",
    };

    /// <summary>The name of a call site when it is first seen, and where the name came from (a <see cref="TaskNameSources"/>).</summary>
    public static (string Name, string Source) ForCallSite(string agent, string? workload, string? systemPrompt, string outputKind)
    {
        if (workload is not null)
        {
            return ($"{agent}/{workload}", TaskNameSources.Workload);
        }

        return Instruction(systemPrompt) is { } instruction
            ? ($"{agent}/{instruction}", TaskNameSources.Instruction)
            : ($"{agent}/{OutputPhrase(outputKind)}", TaskNameSources.Structure);
    }

    /// <summary>
    /// A task's name from its kind of output and its largest topics' leading words, biggest first; null when the topics
    /// give no word, so that the name it has (perhaps told apart from another by a number) stays.
    /// </summary>
    public static string? FromTopics(string agent, string outputKind, IEnumerable<IReadOnlyList<string>> topicTermsBySize)
    {
        var words = topicTermsBySize
            .Select(terms => terms.Select(Slug).FirstOrDefault(w => w.Length > 0 && !NotTheTask.Contains(w)))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Take(MaxTopicWords)
            .ToList();
        return words.Count == 0 ? null : $"{agent}/{OutputPhrase(outputKind)}-{string.Join('-', words)}";
    }

    /// <summary>
    /// The first sentence of the prompt that says what to do, as up to four of its words; null when no sentence does
    /// (an empty prompt, or only "You are a helpful assistant.").
    /// </summary>
    public static string? Instruction(string? systemPrompt)
    {
        if (string.IsNullOrWhiteSpace(systemPrompt))
        {
            return null;
        }

        foreach (var sentence in SentenceEnd().Split(systemPrompt))
        {
            var words = Word().Matches(sentence)
                .Select(m => Slug(m.Value))
                .Where(w => w.Length is > 1 and <= MaxWordLength && !NotTheTask.Contains(w) && !w.All(char.IsAsciiDigit))
                .Take(MaxInstructionWords)
                .ToList();
            if (words.Count > 0)
            {
                return string.Join('-', words);
            }
        }

        return null;
    }

    private static string OutputPhrase(string outputKind) => outputKind switch
    {
        OutputKinds.ToolCall => "tool-calls",
        OutputKinds.Json => "json-answers",
        _ => "text-answers",
    };

    /// <summary>A word lower-cased, without a possessive 's or apostrophes, with only letters, digits and inner hyphens.</summary>
    private static string Slug(string word)
    {
        var lower = word.ToLowerInvariant();
        if (lower.EndsWith("'s", StringComparison.Ordinal) || lower.EndsWith("’s", StringComparison.Ordinal))
        {
            lower = lower[..^2];
        }

        var slug = new StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            if (c is not ('\'' or '’'))
            {
                slug.Append(char.IsLetterOrDigit(c) ? c : '-');
            }
        }

        return string.Join('-', slug.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
    }

    // A sentence ends at . ! ? : ; or a line break followed by space or the end, so "e.g.x" and "3.5" stay inside one.
    [GeneratedRegex(@"[.!?:;](?=\s|$)|[\r\n]+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’_-]*")]
    private static partial Regex Word();
}

/// <summary>Where a task's name came from; only the platform's own guesses are improved on later.</summary>
public static class TaskNameSources
{
    public const string Workload = "workload";
    public const string Instruction = "instruction";
    public const string Structure = "structure";
    public const string Topics = "topics";
    public const string Person = "person";
}
