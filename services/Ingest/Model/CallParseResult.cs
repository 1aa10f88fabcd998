namespace SlmPlatform.Ingest.Model;

/// <summary>A parsed call, or what was wrong with it.</summary>
public sealed record CallParseResult(CallRecord? Record, Dictionary<string, string[]> Errors)
{
    public static CallParseResult Valid(CallRecord record) => new(record, []);

    public static CallParseResult Invalid(FieldErrors errors) => new(null, errors.ToDictionary());

    public static CallParseResult Invalid(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return Invalid(errors);
    }
}
