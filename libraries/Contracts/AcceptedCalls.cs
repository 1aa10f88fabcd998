using System.Globalization;

namespace SlmPlatform.Contracts;

/// <summary>
/// Ingest's notes of the calls it has accepted (RabbitMQ confirmed them), so the calls API can tell an id on its way to
/// the store from one never sent. Notes are kept in Redis hashes, one per tenant and hour of acceptance (field: the
/// call's id, value: the time of acceptance in Unix milliseconds), which expire two hours after their last note: a note
/// lives two to three hours, and many notes go to Redis as one command. Ingest writes them; the calls API only reads
/// them (the buckets of the last hour and the one before).
/// </summary>
public static class AcceptedCalls
{
    /// <summary>How long a bucket lives after its last note.</summary>
    public static readonly TimeSpan BucketLife = TimeSpan.FromHours(2);

    /// <summary>The hash that holds the tenant's notes of calls accepted in the hour of <paramref name="acceptedAt"/>.</summary>
    public static string Key(string tenantId, DateTimeOffset acceptedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"slm:accepted:{tenantId}:{acceptedAt.UtcDateTime:yyyyMMddHH}");

    /// <summary>The buckets a note of a call accepted in the last hour can be in, newest first.</summary>
    public static IReadOnlyList<string> KeysToRead(string tenantId, DateTimeOffset now) => [Key(tenantId, now), Key(tenantId, now.AddHours(-1))];
}
