namespace SlmPlatform.Scrubbing.Recognizers.Tagging;

/// <summary>
/// The tagger's classes, one per token. Inside/outside tags without a begin tag: two names side by side without a
/// separator are one span to mask either way, and fewer classes make the tagger faster.
/// </summary>
internal enum EntityTag : byte
{
    Outside = 0,
    Person = 1,
    Location = 2,
    StreetAddress = 3,
    Organization = 4,
}

internal static class EntityTags
{
    public const int Count = 5;

    public static string? ToEntityType(EntityTag tag) => tag switch
    {
        EntityTag.Person => EntityTypes.Person,
        EntityTag.Location => EntityTypes.Location,
        EntityTag.StreetAddress => EntityTypes.StreetAddress,
        EntityTag.Organization => EntityTypes.Organization,
        _ => null,
    };
}
