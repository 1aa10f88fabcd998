namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>The phrases that place the word after them: after these, an unknown or lower-case word is a place.</summary>
public sealed partial class LocationRecognizer
{
    private static readonly WordPairs StrongContexts = new(
    [
        ("live", "in"), ("lives", "in"), ("lived", "in"), ("living", "in"), ("born", "in"), ("based", "in"),
        ("moved", "to"), ("move", "to"), ("located", "in"), ("reside", "in"), ("resides", "in"), ("city", "of"),
        ("town", "of"), ("village", "of"), ("province", "of"), ("state", "of"), ("native", "of"), ("relocated", "to"),
        ("grew", "up"), ("hometown", "is"), ("travel", "to"), ("travelling", "to"), ("traveling", "to"), ("trip", "to"),
        ("up", "in"), ("flew", "to"), ("fly", "to"), ("flying", "to"), ("drove", "to"), ("arrived", "in"),
        ("originally", "from"), ("came", "from"), ("comes", "from"), ("headquartered", "in"), ("flight", "to"),
        // Where someone is, stays or comes back from: "I'm in", "staying in", "moved here from", "returned to".
        ("i'm", "in"), ("i’m", "in"), ("am", "in"), ("we're", "in"), ("staying", "in"), ("stayed", "in"),
        ("stay", "in"), ("holiday", "in"), ("vacation", "in"), ("here", "from"), ("moved", "from"), ("moving", "to"),
        ("moving", "from"), ("returned", "to"), ("return", "to"), ("returning", "to"),
        ("arrive", "in"), ("landed", "in"), ("relocating", "to"), ("settled", "in"),
    ]);

    internal static bool HasStrongContext(string text, List<Token> tokens, int i) => StrongContexts.Precede(text, tokens, i);
}
