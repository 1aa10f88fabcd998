namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>Context words in the manner of Presidio's recognizers: their presence just before a span raises confidence.</summary>
internal static class NameContext
{
    /// <summary>Titles before a name; the title itself is not part of the span.</summary>
    public static readonly WordSet Honorifics = new(
    [
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lady", "lord", "madam", "mister", "doctor",
        "professor", "rev", "fr", "capt", "sgt", "col", "hon", "mme", "mlle", "herr", "frau", "sr", "sra", "srta", "señor",
        "señora", "signor", "signora", "dott",
    ]);

    /// <summary>The word right before a name: "Dear Ana", "named Ana", "patient Ana Silva".</summary>
    private static readonly WordSet Before = new(
    [
        "dear", "hi", "hello", "hey", "thanks", "named", "called", "patient", "signed", "cc", "attn", "ask", "cheers",
        "regards", "sincerely", "meet", "met", "married", "son", "daughter", "wife", "husband", "mother", "father",
        "brother", "sister", "friend", "colleague", "manager", "boss", "nurse", "employee", "applicant", "tenant",
        "landlord", "member", "beneficiary", "insured", "policyholder", "cardholder", "caller", "recipient", "sender",
    ]);

    // Relatives, speech verbs and credits before a name: "my kid Tadzio", "says Iwase", "directed by Torbjørn Axelsen".
    // Read by the rules only: the tagger's name-context feature keeps the words above, so that adding a cue does not
    // retrain the model (whose precision moves by a few points with any change of its features).
    private static readonly WordSet MoreBefore = new(
    [
        "kid", "child", "grandson", "granddaughter", "grandfather", "grandmother", "grandma", "grandpa", "nephew", "niece",
        "cousin", "uncle", "aunt", "fiancé", "fiancée", "boyfriend", "girlfriend", "neighbour", "neighbor", "roommate",
        "says", "said", "asked", "replied", "starring", "featuring",
    ]);

    /// <summary>Two words right before a name: "name is Ana", "I am Ana", "this is Ana".</summary>
    private static readonly WordPairs BeforePairs = new(
    [
        ("name", "is"), ("i", "am"), ("this", "is"), ("call", "me"), ("speak", "to"), ("talk", "to"), ("spoke", "with"),
        ("contact", "person"), ("full", "name"), ("known", "as"), ("name", "was"), ("it's", "me"), ("thank", "you"),
    ]);

    private static readonly WordPairs MoreBeforePairs = new(
    [
        ("calls", "me"), ("named", "him"), ("named", "her"), ("call", "him"), ("call", "her"), ("directed", "by"),
        ("written", "by"), ("sung", "by"), ("produced", "by"), ("performed", "by"), ("founded", "by"), ("signed", "by"),
        ("prepared", "by"), ("reviewed", "by"), ("approved", "by"), ("assigned", "to"), ("addressed", "to"),
    ]);

    // The phrases after which the next word is the name itself, whatever it is: "my name is vitoria", "call me Ishmael".
    private static readonly WordPairs Introductions = new([("name", "is"), ("call", "me"), ("calls", "me"), ("name", "was")]);

    /// <summary>Field labels followed by a colon: "Name: Ana Silva", "Patient: Ana".</summary>
    private static readonly WordSet Labels = new(
    [
        "name", "patient", "customer", "client", "contact", "attn", "attention", "from", "to", "cc", "author", "owner",
        "user", "employee", "applicant", "guest", "passenger", "beneficiary", "insured", "cardholder", "signed",
        "recipient", "sender", "physician", "provider", "doctor", "nurse", "member", "tenant", "student", "teacher",
        "fullname", "firstname", "lastname", "surname", "forename",
    ]);

    /// <summary>A form's field label ("Name", "Patient", "Phone"): the word before a colon that is not a speaker.</summary>
    public static bool IsLabel(string text, Token token) => Labels.Contains(text, token) || FieldLabels.Contains(text, token);

    // Labels of contact and event fields, which no name follows but which open lines the way a speaker's name does.
    private static readonly WordSet FieldLabels = new(
    [
        "phone", "mobile", "cell", "tel", "telephone", "fax", "desk", "office", "home", "work", "email", "e-mail", "mail",
        "website", "web", "url", "address", "street", "city", "zip", "postcode", "country", "state", "when", "where",
        "date", "time", "dob", "age", "gender", "sex", "title", "position", "role", "company", "organization", "subject",
        "re", "fwd", "note", "notes", "summary", "question", "answer", "bot", "assistant", "agent", "system", "support",
        "user", "human", "ai", "q", "a", "id", "ref", "status", "total", "price", "order", "account", "card", "iban",
    ]);

    /// <summary>True right after "my name is", "call me" and the like, where the next word is the name.</summary>
    public static bool IntroducesName(string text, List<Token> tokens, int index) =>
        index >= 2 && Tokens.IsSpace(Tokens.Gap(text, tokens[index - 1], tokens[index])) && Tokens.IsSpace(Tokens.Gap(text, tokens[index - 2], tokens[index - 1]))
        && Introductions.Precede(text, tokens, index);

    /// <summary>True where the words just before token <paramref name="index"/> say a name follows.</summary>
    /// <remarks>With <paramref name="more"/>, relatives, speech verbs and credits count too (the rules' reading).</remarks>
    public static bool PrecedesName(string text, List<Token> tokens, int index, bool more = false)
    {
        if (index == 0)
        {
            return false;
        }

        var previous = tokens[index - 1];
        var gap = Tokens.Gap(text, previous, tokens[index]);
        if (gap is ": " or ":" && Labels.Contains(text, previous))
        {
            return true;
        }

        if (!Tokens.IsSpace(gap) && gap is not ", " and not ",\n" and not "\n")
        {
            return false;
        }

        if (Before.Contains(text, previous) || (more && MoreBefore.Contains(text, previous)) || previous.In(text).Equals("I'm", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (index < 2 || !Tokens.IsSpace(Tokens.Gap(text, tokens[index - 2], previous)))
        {
            return false;
        }

        return BeforePairs.Precede(text, tokens, index) || (more && MoreBeforePairs.Precede(text, tokens, index));
    }
}
