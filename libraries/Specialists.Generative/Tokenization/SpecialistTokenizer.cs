using System.Text;
using System.Text.Json.Serialization;

namespace SlmPlatform.Specialists.Generative;

/// <summary>The vocabulary of a generative specialist: five special tokens, 256 byte tokens (for anything unseen),
/// then characters and, for <see cref="TokenizerKind.Word"/>, whole words seen in training. A sequence reads
/// <c>&lt;s&gt; prompt &lt;|answer|&gt; answer &lt;/s&gt;</c>.</summary>
public sealed class SpecialistTokenizer
{
    public const int Pad = 0;
    public const int Bos = 1;
    public const int Eos = 2;
    public const int Unknown = 3;
    public const int AnswerStart = 4;
    internal const int FirstByte = 5;
    internal const int FirstPiece = FirstByte + 256;

    internal static readonly string[] SpecialTexts = ["<pad>", "<s>", "</s>", "<unk>", "<|answer|>"];

    private readonly Dictionary<string, int> _ids;

    [JsonConstructor]
    public SpecialistTokenizer(TokenizerKind kind, IReadOnlyList<string> pieces)
    {
        Kind = kind;
        Pieces = pieces;
        _ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < pieces.Count; i++)
        {
            _ids.TryAdd(pieces[i], FirstPiece + i);
        }

    }

    public TokenizerKind Kind { get; }

    /// <summary>The learnt pieces (characters, then words) in id order from <see cref="FirstPiece"/>.</summary>
    public IReadOnlyList<string> Pieces { get; }

    [JsonIgnore]
    public int VocabularySize => FirstPiece + Pieces.Count;

    /// <summary>Learns the pieces from training texts: every character seen, and for <see cref="TokenizerKind.Word"/>
    /// the <paramref name="maxWords"/> most frequent words seen at least <paramref name="minWordCount"/> times.</summary>
    public static SpecialistTokenizer Train(IEnumerable<string> texts, TokenizerKind kind, int maxWords = 4000, int minWordCount = 2)
    {
        var characters = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var rune in text.EnumerateRunes())
            {
                var s = rune.ToString();
                characters[s] = characters.GetValueOrDefault(s) + 1;
            }

            if (kind == TokenizerKind.Word)
            {
                foreach (var (start, length) in WordSpans(text))
                {
                    if (length > 1)
                    {
                        var w = text.Substring(start, length);
                        words[w] = words.GetValueOrDefault(w) + 1;
                    }
                }
            }
        }

        var pieces = characters.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key).ToList();
        pieces.AddRange(words.Where(w => w.Value >= minWordCount && !characters.ContainsKey(w.Key))
            .OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).Take(maxWords).Select(w => w.Key));
        return new SpecialistTokenizer(kind, pieces);
    }

    public List<int> Encode(string text)
    {
        var ids = new List<int>(text.Length);
        if (Kind == TokenizerKind.Word)
        {
            var at = 0;
            foreach (var (start, length) in WordSpans(text))
            {
                EncodeCharacters(text.AsSpan(at, start - at), ids);
                if (_ids.TryGetValue(text.Substring(start, length), out var id))
                {
                    ids.Add(id);
                }
                else
                {
                    EncodeCharacters(text.AsSpan(start, length), ids);
                }

                at = start + length;
            }

            EncodeCharacters(text.AsSpan(at), ids);
        }
        else
        {
            EncodeCharacters(text, ids);
        }

        return ids;
    }

    /// <summary>Text of the given ids; special tokens are skipped, byte tokens are joined back into UTF-8.</summary>
    public string Decode(IEnumerable<int> ids)
    {
        var bytes = new List<byte>();
        foreach (var id in ids)
        {
            if (id >= FirstPiece && id < VocabularySize)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(Pieces[id - FirstPiece]));
            }
            else if (id is >= FirstByte and < FirstPiece)
            {
                bytes.Add((byte)(id - FirstByte));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    /// <summary>The text of one token as llama.cpp's SentencePiece vocabulary spells it (spaces as U+2581).</summary>
    internal string GgufText(int id) => id switch
    {
        < FirstByte => SpecialTexts[id],
        < FirstPiece => $"<0x{id - FirstByte:X2}>",
        _ => Pieces[id - FirstPiece].Replace(' ', '\u2581'),
    };

    private void EncodeCharacters(ReadOnlySpan<char> text, List<int> ids)
    {
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            if (_ids.TryGetValue(rune.ToString(), out var id))
            {
                ids.Add(id);
            }
            else
            {
                var n = rune.EncodeToUtf8(utf8);
                for (var i = 0; i < n; i++)
                {
                    ids.Add(FirstByte + utf8[i]);
                }
            }
        }
    }

    /// <summary>Runs of letters or of digits, each with the single space before it when there is one.</summary>
    private static IEnumerable<(int Start, int Length)> WordSpans(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (text[i] == ' ' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
            {
                i++;
            }

            if (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                var letters = char.IsLetter(text[i]);
                while (i < text.Length && char.IsLetterOrDigit(text[i]) && char.IsLetter(text[i]) == letters)
                {
                    i++;
                }

                yield return (start, i - start);
            }
            else
            {
                i = start + 1;
            }
        }
    }
}
