namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>
/// What a field's label says its value is: <c>"customer_name"</c>, <c>city=</c>, <c>Employer:</c>. Tool-call
/// arguments and forms name their fields, and the name is stronger evidence than anything in a value of two words.
/// </summary>
internal static class FieldLabels
{
    private static readonly HashSet<string> PersonRoles = new(StringComparer.Ordinal)
    {
        "customer", "contact", "recipient", "passenger", "guest", "patient", "employee", "driver", "sender", "attendee",
        "attendees", "assignee", "reporter", "requester", "applicant", "traveller", "traveler", "beneficiary", "holder",
        "person", "member", "caller", "signer", "signatory", "tenant", "landlord", "payee", "payer", "author",
        "owner", "candidate", "student", "teacher", "doctor", "physician", "nurse", "manager", "agent", "consignee",
    };

    private static readonly HashSet<string> PersonNameWords = new(StringComparer.Ordinal)
    {
        "name", "fullname", "firstname", "lastname", "surname", "forename", "givenname", "familyname", "first", "last",
        "given", "family", "middle", "maiden",
    };

    private static readonly HashSet<string> PlaceWords = new(StringComparer.Ordinal)
    {
        "city", "town", "location", "destination", "origin", "hometown", "country", "state", "region", "province",
        "village", "municipality", "birthplace", "county", "place", "from", "to",
    };

    private static readonly HashSet<string> OrganizationWords = new(StringComparer.Ordinal)
    {
        "company", "employer", "organization", "organisation", "org", "vendor", "merchant", "firm", "business",
        "bank", "school", "university", "hospital", "agency", "supplier", "institution", "insurer", "carrier",
        "hotel", "clinic", "airline", "workplace", "client",
    };

    private static readonly HashSet<string> AddressWords = new(StringComparer.Ordinal)
    {
        "address", "addr", "street", "residence",
    };

    // Words that make a label about something other than a person's, place's or firm's name ("file_name",
    // "product_name", "event_location"... is still a place; "from_date" is a date).
    private static readonly HashSet<string> OtherThings = new(StringComparer.Ordinal)
    {
        "file", "product", "tool", "function", "model", "event", "project", "item", "app", "device", "host", "domain",
        "table", "column", "field", "key", "type", "user", "username", "display", "brand", "song", "book", "movie",
        "title", "date", "time", "currency", "language", "format", "unit", "id", "code", "email", "mail", "ip", "url",
        "phone", "number", "amount", "status", "team", "department", "role", "plan", "tier",
    };

    /// <summary>The entity type a label names, or null when it names none or something else.</summary>
    public static string? Classify(ReadOnlySpan<char> label)
    {
        var words = Words(label);

        // "City of residence", "Place of birth": the head of an English label comes before "of".
        var of = words.IndexOf("of");
        if (of > 0)
        {
            words.RemoveRange(of, words.Count - of);
        }

        if (words.Count == 0 || words.Count > 4 || words.Exists(OtherThings.Contains))
        {
            return null;
        }

        if (words.Exists(AddressWords.Contains))
        {
            return EntityTypes.StreetAddress;
        }

        if (words.Exists(OrganizationWords.Contains))
        {
            return EntityTypes.Organization;
        }

        // "from" and "to" alone name places only in travel arguments; beside "name" or a role they are people.
        if (words.Exists(PlaceWords.Contains) && !words.Exists(w => PersonNameWords.Contains(w) || PersonRoles.Contains(w)))
        {
            return words.TrueForAll(w => w is "from" or "to") ? null : EntityTypes.Location;
        }

        return words.Exists(PersonRoles.Contains) || words.Exists(PersonNameWords.Contains) ? EntityTypes.Person : null;
    }

    /// <summary>Splits snake_case, kebab-case, camelCase and spaced labels into lower-case words.</summary>
    private static List<string> Words(ReadOnlySpan<char> label)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= label.Length; i++)
        {
            var c = i < label.Length ? label[i] : ' ';
            var boundary = !char.IsLetter(c) || (i > 0 && char.IsUpper(c) && char.IsLower(label[i - 1]));
            if (boundary && start >= 0)
            {
                words.Add(label[start..i].ToString().ToLowerInvariant());
                start = -1;
            }

            if (char.IsLetter(c) && start < 0)
            {
                start = i;
            }
        }

        return words;
    }
}
