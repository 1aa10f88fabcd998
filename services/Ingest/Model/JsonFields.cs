using System.Globalization;

namespace SlmPlatform.Ingest.Model;

/// <summary>Typed reads of one field of a JSON object that record an error, naming the field, when the type is wrong.</summary>
internal static class JsonFields
{
    public const int MaxNameLength = 200;

    public static bool Has(this JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public static string? OptionalString(this JsonElement record, string name, FieldErrors errors)
    {
        if (!record.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(name, "Must be a string.");
            return null;
        }

        var text = value.GetString()!;
        if (text.Length > MaxNameLength)
        {
            errors.Add(name, $"Must be at most {MaxNameLength} characters.");
            return null;
        }

        if (text.Any(char.IsControl))
        {
            errors.Add(name, "Must not contain control characters.");
            return null;
        }

        return text.Length == 0 ? null : text;
    }

    public static string? RequiredString(this JsonElement record, string name, FieldErrors errors)
    {
        var text = record.OptionalString(name, errors);
        if (text is null && !record.Has(name))
        {
            errors.Add(name, "Is required.");
        }
        else if (text is null && record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
        {
            errors.Add(name, "Must not be empty.");
        }

        return text;
    }

    public static double? OptionalNonNegativeNumber(this JsonElement record, string name, FieldErrors errors)
    {
        if (!record.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            errors.Add(name, "Must be a number.");
            return null;
        }

        if (number < 0)
        {
            errors.Add(name, "Must not be negative.");
            return null;
        }

        return number;
    }

    /// <summary>An ISO 8601 date-time string, or Unix time in seconds (as Data Flywheel records write it).</summary>
    public static DateTimeOffset? OptionalTimestamp(this JsonElement record, string name, FieldErrors errors)
    {
        if (!record.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String when DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed):
                return parsed;
            case JsonValueKind.Number when value.TryGetDouble(out var seconds) && seconds is >= 0 and < 253_402_300_800:
                return DateTimeOffset.UnixEpoch.AddMilliseconds(Math.Round(seconds * 1000));
            default:
                errors.Add(name, "Must be an ISO 8601 date-time string or Unix time in seconds.");
                return null;
        }
    }
}
