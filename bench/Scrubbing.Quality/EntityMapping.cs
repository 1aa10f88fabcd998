namespace SlmPlatform.Scrubbing.Quality;

/// <summary>Presidio's entity names against ours, so that both sides are scored in one vocabulary.</summary>
internal static class EntityMapping
{
    public const string Outside = "O";

    /// <summary>Presidio's types that name what one of our recognizers looks for.</summary>
    private static readonly Dictionary<string, string> Gold = new(StringComparer.Ordinal)
    {
        ["GPE"] = EntityTypes.Location,
        ["LOCATION"] = EntityTypes.Location,
    };

    /// <summary>Our types scored under another name: a date of birth is one of Presidio's DATE_TIME spans.</summary>
    private static readonly Dictionary<string, string> Predicted = new(StringComparer.Ordinal)
    {
        [EntityTypes.DateOfBirth] = "DATE_TIME",
    };

    /// <summary>
    /// The types that identify a person or where to find them (names, places, organisations, addresses, contact and
    /// account numbers): the values the privacy figure counts when they leave the scrubber verbatim.
    /// </summary>
    private static readonly HashSet<string> Identifiers = new(StringComparer.Ordinal)
    {
        EntityTypes.Person, EntityTypes.Location, EntityTypes.Organization, EntityTypes.StreetAddress,
        EntityTypes.PhoneNumber, EntityTypes.EmailAddress, EntityTypes.CreditCard, EntityTypes.UsSsn,
        EntityTypes.IbanCode, EntityTypes.UsDriverLicense, EntityTypes.IpAddress,
    };

    public static bool IsIdentifier(string type) => Identifiers.Contains(type);

    public static string FromGold(string presidioType) => Gold.GetValueOrDefault(presidioType, presidioType);

    public static string FromPrediction(string ourType) => Predicted.GetValueOrDefault(ourType, ourType);
}
