using System.Collections.Frozen;
using System.Text;
using FastBertTokenizer;
using SlmPlatform.Embeddings;

namespace SlmPlatform.Scrubbing.Recognizers.Contextual;

/// <summary>
/// MiniLM's WordPiece ids of one word (lower-cased and without accents, as the uncased model reads it), without the
/// [CLS] and [SEP] around them. The vocabulary is the one the platform ships with its embedding model.
/// </summary>
internal sealed class WordPieces
{
    private const int MaxPieces = 16;
    private readonly BertTokenizer _tokenizer = new();
    private readonly Lock _lock = new();
    private readonly long[] _ids = new long[MaxPieces + 2];
    private readonly long[] _mask = new long[MaxPieces + 2];

    // Whole words of the vocabulary (no "##" continuations), matched without regard to case.
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wholeWords;

    private WordPieces()
    {
        var vocabulary = MiniLmFiles.ReadVocabulary();
        using (var reader = new StreamReader(new MemoryStream(vocabulary), Encoding.UTF8))
        {
            _tokenizer.LoadVocabulary(reader, convertInputToLowercase: true);
        }

        var words = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var lines = Encoding.UTF8.GetString(vocabulary).Split('\n');
        for (var id = 0; id < lines.Length; id++)
        {
            var entry = lines[id].TrimEnd('\r');
            if (entry.Length > 0 && Ascii.IsValid(entry) && entry.All(char.IsAsciiLetterOrDigit))
            {
                words.TryAdd(entry, id);
            }
        }

        _wholeWords = words.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static WordPieces Shared { get; } = new();

    /// <summary>Writes the word's piece ids (at most <see cref="MaxPieces"/>) into <paramref name="destination"/> and
    /// returns how many there are.</summary>
    public int Of(ReadOnlySpan<char> word, Span<int> destination)
    {
        // An ASCII word the vocabulary holds whole is its own single piece: what the tokenizer gives it, without the
        // tokenizer (most words of a text are such words).
        if (destination.Length > 0 && _wholeWords.TryGetValue(word, out var whole))
        {
            destination[0] = whole;
            return 1;
        }

        return ByTokenizer(word, destination);
    }

    /// <summary>What the tokenizer makes of <paramref name="word"/>, however common.</summary>
    internal int ByTokenizer(ReadOnlySpan<char> word, Span<int> destination)
    {
        // The tokenizer keeps state between calls, so one call at a time; a word costs well under a microsecond.
        lock (_lock)
        {
            var count = _tokenizer.Encode(word.ToString(), _ids, _mask);
            var pieces = Math.Min(Math.Max(0, count - 2), destination.Length);
            for (var i = 0; i < pieces; i++)
            {
                destination[i] = (int)_ids[i + 1];
            }

            // The ids spell the word out; like the text itself, they must not outlive its scrub.
            Array.Clear(_ids);
            return pieces;
        }
    }

    public static int MaxPiecesPerWord => MaxPieces;
}
