namespace SlmPlatform.Scrubbing.Recognizers.Tagging;

/// <summary>What the gazetteers and word lists say about one token; each set flag is one feature of the tagger.</summary>
[Flags]
internal enum LexiconFlags
{
    None = 0,
    FirstName = 1 << 0,
    LastName = 1 << 1,
    PlaceStart = 1 << 2,
    InPlace = 1 << 3,
    InWellKnownPlace = 1 << 4,
    InCountry = 1 << 5,
    StateCode = 1 << 6,
    StreetSuffix = 1 << 7,
    ForeignStreetType = 1 << 8,
    Common = 1 << 9,
    Honorific = 1 << 10,
    CompanyWord = 1 << 11,
    PlaceEnding = 1 << 12,
    PlacePrefix = 1 << 13,
    AreaWord = 1 << 14,
    Unit = 1 << 15,
    SentenceStart = 1 << 16,
    NameContext = 1 << 17,
    StreetEnding = 1 << 18,
    HouseNumber = 1 << 19,
    Postcode = 1 << 20,
    Direction = 1 << 21,
    StreetPrefixType = 1 << 22,
}
