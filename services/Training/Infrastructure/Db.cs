using Npgsql;
using NpgsqlTypes;

namespace SlmPlatform.Training.Infrastructure;

/// <summary>Parameter helpers shared by the stores.</summary>
internal static class Db
{
    public static NpgsqlParameter Value(object value) => new() { Value = value };

    public static NpgsqlParameter Nullable<T>(T? value, NpgsqlDbType type) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = type };

    public static NpgsqlParameter Jsonb(string json) => new() { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb };

    public static JsonElement? JsonOrNull(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : JsonDocument.Parse(reader.GetString(ordinal)).RootElement.Clone();

    public static JsonElement Json(NpgsqlDataReader reader, int ordinal) => JsonDocument.Parse(reader.GetString(ordinal)).RootElement.Clone();

    public static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
