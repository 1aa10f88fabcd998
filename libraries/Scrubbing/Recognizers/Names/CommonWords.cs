namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>
/// English words that are also in the name and place lists ("Will", "May", "Hope", "Mobile") or that open sentences
/// and headings. Such a word counts as a name only beside another name or after a context word.
/// </summary>
internal static class CommonWords
{
    public static readonly WordSet Set = new(Words().Concat(Contractions()));

    // Contractions open sentences as often as their stems ("Who's coming?", "There's a new place"): their capital
    // says nothing either, and a model without this list reads "Who's" as a name.
    private static IEnumerable<string> Contractions()
    {
        string[] stems =
        [
            "who", "what", "where", "when", "why", "how", "there", "here", "that", "this", "it", "he", "she", "let", "i",
            "you", "we", "they", "do", "does", "did", "is", "are", "was", "were", "can", "could", "would", "should",
            "wo", "ai", "has", "have", "had", "must", "need", "might", "everyone", "nobody", "someone", "today",
        ];
        string[] clitics = ["s", "re", "ll", "ve", "d", "m", "t", "nt"];
        string[] specials = ["c'mon", "y'all", "ma'am", "o'clock", "don't", "won't", "can't", "shan't", "ain't"];
        foreach (var apostrophe in new[] { "'", "\u2019" })
        {
            foreach (var stem in stems)
            {
                foreach (var clitic in clitics)
                {
                    yield return stem + apostrophe + clitic;
                }

                yield return stem + "n" + apostrophe + "t";
            }

            foreach (var special in specials)
            {
                yield return special.Replace("'", apostrophe, StringComparison.Ordinal);
            }
        }
    }

    private static string[] Words() =>
    [
        // Function words, pronouns, auxiliaries, question words.
        "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "if", "then", "than", "that", "this", "these", "those",
        "there", "here", "where", "when", "what", "which", "who", "whom", "whose", "why", "how", "i", "me", "my", "mine",
        "you", "your", "yours", "he", "him", "his", "she", "her", "hers", "it", "its", "we", "us", "our", "ours", "they",
        "them", "their", "theirs", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done",
        "have", "has", "had", "can", "could", "will", "would", "shall", "should", "may", "might", "must", "not", "no",
        "yes", "all", "any", "each", "every", "some", "many", "much", "more", "most", "few", "other", "another", "such",
        "only", "also", "just", "very", "too", "please", "thanks", "thank", "hello", "hi", "hey", "dear", "ok", "okay",
        "in", "on", "at", "by", "for", "from", "to", "of", "with", "without", "about", "above", "below", "after", "before",
        "between", "into", "over", "under", "up", "down", "out", "off", "near", "via", "per", "as", "like", "since",
        "until", "while", "because", "although", "though", "whether", "both", "either", "neither", "once", "again",
        // Days, months, seasons, holidays.
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "june", "july", "august", "september", "october", "november", "december", "spring", "summer",
        "autumn", "fall", "winter", "christmas", "easter", "today", "tomorrow", "yesterday", "tonight",
        // Verbs and nouns that open requests and headings, and words that are also given names or places.
        "find", "get", "give", "make", "take", "show", "tell", "list", "create", "calculate", "compute", "check", "search",
        "book", "order", "send", "set", "add", "remove", "update", "delete", "call", "help", "use", "let", "write", "read",
        "note", "see", "look", "go", "come", "keep", "turn", "move", "play", "run", "start", "stop", "open", "close",
        "new", "old", "good", "great", "best", "better", "bad", "big", "small", "high", "low", "long", "short", "first",
        "last", "next", "previous", "final", "total", "number", "name", "address", "email", "phone", "date", "time",
        "day", "week", "month", "year", "city", "state", "country", "street", "road", "company", "team", "group",
        "user", "customer", "client", "patient", "doctor", "account", "card", "bank", "price", "cost", "amount", "data",
        "will", "may", "june", "april", "august", "hope", "faith", "grace", "joy", "dawn", "rose", "lily", "daisy",
        "iris", "ivy", "holly", "hazel", "heather", "violet", "ruby", "pearl", "amber", "crystal", "jewel", "summer",
        "autumn", "winter", "sky", "star", "sunny", "storm", "rain", "river", "forest", "brook", "dale", "glen", "heath",
        "bill", "art", "mark", "frank", "guy", "jack", "pat", "ray", "rob", "sue", "chase", "hunter", "page", "penny",
        "sterling", "royal", "king", "prince", "princess", "duke", "earl", "major", "general", "judge", "bishop",
        "white", "black", "brown", "green", "gray", "grey", "young", "little", "strong", "west", "east", "north", "south",
        "love", "honey", "angel", "destiny", "harmony", "justice", "liberty", "trinity", "unique", "precious", "miracle",
        "mobile", "reading", "bath", "nice", "split", "orange", "chad", "jordan", "georgia", "victoria", "florence",
        "lincoln", "washington", "jackson", "austin", "houston", "phoenix", "denver", "dallas", "charlotte", "columbus",
        "madison", "aurora", "eugene", "troy", "logan", "cleveland", "independence", "providence", "concord", "hampton",
        "mercy", "patience", "prudence", "felicity", "serenity", "temperance", "constance", "charity", "verity",
        "max", "rich", "sandy", "rusty", "buddy", "happy", "lucky", "cash", "gold", "silver", "diamond", "rocky",
        "about", "contact", "details", "information", "info", "subject", "regards", "best", "sincerely", "cheers",
        "mr", "mrs", "ms", "dr", "prof", "sir", "madam", "miss", "ltd", "inc", "llc", "corp", "co", "st", "ave", "rd",
        "internet", "online", "web", "api", "json", "http", "https", "url", "id", "ids", "true", "false", "null", "none",
        "python", "java", "javascript", "ruby", "rust", "go", "swift", "kotlin", "scala", "julia", "dart", "elixir",
        "amazon", "apple", "google", "microsoft", "meta", "tesla", "nike", "visa", "mastercard", "paypal", "uber",
        "god", "lord", "jesus", "christ", "allah", "buddha", "bible", "church", "temple", "mosque",
        // Nationalities and languages, some of which are also given names ("German", "Florentina").
        "english", "german", "french", "spanish", "italian", "dutch", "chinese", "japanese", "korean", "russian",
        "american", "british", "indian", "canadian", "mexican", "brazilian", "african", "european", "asian", "latin",
        "arabic", "hindi", "portuguese", "greek", "turkish", "polish", "swedish", "irish", "scottish", "welsh",
        // Places and things that follow a name in a venue's name ("Hilton Hotel"), and nouns that open headings.
        "hotel", "restaurant", "cafe", "museum", "airport", "station", "bridge", "tower", "mall", "store", "shop",
        "theatre", "theater", "stadium", "arena", "beach", "island", "mountain", "river", "park", "history", "job",
        "batman", "superman", "star", "wars", "trek", "series", "season", "episode",
        // Sentence adverbs and interjections that open a sentence before a comma ("Unfortunately, …", "Cool, …"), and
        // adjectives after "I'm", which is also a name context ("I'm glad", "I'm sure"): capitalised or not, no names.
        "unfortunately", "fortunately", "luckily", "sadly", "honestly", "actually", "basically", "anyway", "however",
        "meanwhile", "otherwise", "besides", "indeed", "therefore", "instead", "finally", "also", "still", "cool",
        "awesome", "wow", "oh", "alright", "sure", "fine", "glad", "sorry", "afraid", "ready", "busy", "tired", "sick",
        "excited", "pleased", "grateful", "confused", "worried", "available", "interested", "guilty",
        // Words of periodicals, laws and documents ("Entertainment Weekly", "Title VII", "Chapter 11"), and the first
        // words of public holidays ("Labor Day", "Memorial Day", "Boxing Day").
        "weekly", "daily", "monthly", "quarterly", "annual", "yearly", "magazine", "journal", "times", "news",
        "title", "chapter", "section", "article", "clause", "act", "part", "volume", "appendix", "users", "admin",
        "labor", "labour", "memorial", "thanksgiving", "boxing", "veterans", "presidents", "remembrance", "halloween",
    ];
}
